"""Readers and writers: JSONL (plain, gz, zst), text files, Parquet, rejects."""

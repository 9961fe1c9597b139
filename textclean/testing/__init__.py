"""Hypothesis strategies that make dirty text with known ground truth."""

"""Running steps in parallel: local worker processes, and Dask for a cluster."""

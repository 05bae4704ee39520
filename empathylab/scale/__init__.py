"""Scale: Dask paths of the aggregates, chunked reading and exact merging of chunks."""

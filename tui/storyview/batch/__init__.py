"""`storyview batch`: a corpus too big for one run, split into stories and aligned on Dask.

`command` parses the subcommand, `cluster` opens the Dask client, `run` puts the steps
together, `tasks` holds what runs on the workers, `output` the files written (and read back
by the reader). Only `cluster` and `run` import dask, and nothing outside this package
imports them: the reader opens a batch's output without dask.
"""

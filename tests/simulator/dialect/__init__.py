"""What a server reads: the tags it ignores, what its release lacks, the spellings it understands."""

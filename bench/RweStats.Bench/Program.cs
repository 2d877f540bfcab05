// Placeholder entry point; the benchmark is written in the next commit.
return 0;

"""The pure planning core: no files, no words, no clock, no terminal."""

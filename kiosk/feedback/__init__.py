"""The feedback box: words and drawings, receipt codes, and the concern matcher."""

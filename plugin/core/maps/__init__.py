"""What a map shows, as plain data: classes and legend labels, palettes, the status x dynamics typology,
statistical secrecy and batch file names. Pure Python; may import core/index, core/recipe."""

"""Joining an indicator table to district rows: key rules, matching, duplicates, the join report and
the expected match rate. Pure pandas; may import core/tables, core/errors, core/i18n."""

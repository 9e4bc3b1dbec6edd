"""The 業務棚卸表 (BPR inventory): one row per runbook, as CSV, xlsx or Markdown."""

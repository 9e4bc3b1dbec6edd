"""The internal-control evidence of a fiscal year (地方自治法 第150条: 整備 and 運用)."""

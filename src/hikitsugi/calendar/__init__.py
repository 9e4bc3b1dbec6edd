"""The operations calendar: text table and iCalendar files."""

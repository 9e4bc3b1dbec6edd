"""One module per subcommand: `add_arguments(parser, lang)` and `run(options, out, lang) -> int`."""

# (name, module); the CLI imports each to declare its options, so modules keep heavy imports in run().
COMMANDS: list[tuple[str, str]] = [
    ("check", "hikitsugi.commands.check"),
    ("new", "hikitsugi.commands.new"),
    ("build", "hikitsugi.commands.build"),
    ("schema", "hikitsugi.commands.schema"),
    ("audit", "hikitsugi.commands.audit"),
    ("show", "hikitsugi.commands.show"),
    ("diff", "hikitsugi.commands.diff"),
    ("calendar", "hikitsugi.commands.calendar"),
    ("rotation", "hikitsugi.commands.rotation"),
    ("checklist", "hikitsugi.commands.checklist"),
    ("handover", "hikitsugi.commands.handover"),
    ("onboarding", "hikitsugi.commands.onboarding"),
]

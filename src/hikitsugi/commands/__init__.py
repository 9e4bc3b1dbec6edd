"""One module per subcommand: `add_arguments(parser)` and `run(options, out) -> int`."""

# (name, module, help message key); the CLI imports a module only when it runs it.
COMMANDS: list[tuple[str, str]] = [
    ("check", "hikitsugi.commands.check"),
    ("new", "hikitsugi.commands.new"),
    ("rotation", "hikitsugi.commands.rotation"),
    ("checklist", "hikitsugi.commands.checklist"),
    ("handover", "hikitsugi.commands.handover"),
    ("onboarding", "hikitsugi.commands.onboarding"),
]

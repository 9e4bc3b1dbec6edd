"""One module per subcommand: `add_arguments(parser, lang)` and `run(options, out, lang) -> int`."""

from hikitsugi.i18n import register

# (name, module). The CLI imports only the module of the command it runs, so start-up stays light;
# the one-line help of every command lives here so that `hikitsugi --help` needs none of them.
COMMANDS: list[tuple[str, str]] = [
    ("init", "hikitsugi.commands.init"),
    ("check", "hikitsugi.commands.check"),
    ("new", "hikitsugi.commands.new"),
    ("build", "hikitsugi.commands.build"),
    ("serve", "hikitsugi.commands.serve"),
    ("schema", "hikitsugi.commands.schema"),
    ("audit", "hikitsugi.commands.audit"),
    ("show", "hikitsugi.commands.show"),
    ("diff", "hikitsugi.commands.diff"),
    ("calendar", "hikitsugi.commands.calendar"),
    ("rotation", "hikitsugi.commands.rotation"),
    ("checklist", "hikitsugi.commands.checklist"),
    ("handover", "hikitsugi.commands.handover"),
    ("onboarding", "hikitsugi.commands.onboarding"),
    ("verify", "hikitsugi.commands.verify"),
    ("run", "hikitsugi.commands.run"),
    ("evidence", "hikitsugi.commands.evidence"),
    ("inventory", "hikitsugi.commands.inventory"),
]

register(
    {
        "init.help": ("新しいナレッジベースを作る", "start a new knowledge base"),
        "check.help": (
            "ナレッジベースの形式を検査する",
            "check the knowledge base's format",
        ),
        "new.help": (
            "手順書・チェックリストのひな形を作る",
            "write a starter runbook or checklist",
        ),
        "build.help": (
            "手順書のサイトを作る (MkDocs)",
            "build the runbook site (MkDocs)",
        ),
        "serve.help": (
            "サイトを作り、ブラウザーで見られるようにする。手順書を保存するたびに変わった所だけ作り直す",
            "build the site and serve it; each saved edit rebuilds only what it changes",
        ),
        "schema.help": (
            "手順書の JSON Schema を書き出す (VS Code で入力補完・検査に使う)",
            "write the JSON Schema files (for completion and checking in VS Code)",
        ),
        "audit.help": (
            "見直し期限切れ・所有者不在・異動で困る手順書を洗い出す",
            "find stale, ownerless and rotation-risk runbooks and checklists",
        ),
        "show.help": (
            "手順書を、標準手順書 (extends) を反映した形で表示する",
            "print a runbook as resolved (with the standard it extends applied)",
        ),
        "diff.help": (
            "手順書が元にした標準手順書との違い (置き換え・追加・削除した手順、変えた項目) を示す",
            "show what a runbook changes against its standard (replaced, added, removed steps; changed fields)",
        ),
        "calendar.help": (
            "運用中の手順書の年間予定を表で示し、Outlook・Google カレンダー用の .ics を書き出す",
            "print the schedule of active runbooks and write an .ics for Outlook / Google Calendar",
        ),
        "rotation.help": (
            "異動計画: 期間内に異動・退任する職員と、そのポストが引き継ぐもの",
            "rotation plan: who leaves in the window and what their posts hand over",
        ),
        "checklist.help": (
            "チェックリストを印刷用に出力する (HTML または PDF)",
            "print a checklist (HTML or PDF)",
        ),
        "handover.help": (
            "事務引継書を出力する (HTML または PDF)。引き継ぐものがなければ終了コード 1",
            "print a handover pack (HTML or PDF); exit 1 when there is nothing to hand over",
        ),
        "verify.help": (
            "凍結した事務引継書 (PDF) とその出典ファイルが変わっていないか確かめる",
            "say whether a frozen handover pack and its sources are unchanged",
        ),
        "run.help": (
            "チェックリストの実施を記録する (records/runs/ に書く。上書きしない)",
            "record a run of a checklist (written under records/runs/, never overwriting)",
        ),
        "evidence.help": (
            "内部統制の証跡 (整備・運用) を年度ごとに出力する (HTML・PDF・CSV)",
            "print the internal-control evidence for a fiscal year (HTML, PDF or CSV)",
        ),
        "inventory.help": (
            "業務棚卸表を出力する (CSV・Excel・Markdown): 件数・時間・手入力の再入力にかかる時間",
            "write the BPR inventory (CSV, Excel, Markdown): cases, hours, re-keying hours",
        ),
        "onboarding.help": (
            "着任者向けの業務案内を出力する (HTML または PDF)",
            "print an onboarding pack (HTML or PDF)",
        ),
    }
)

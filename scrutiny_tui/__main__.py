from scrutiny_tui.cli import main

raise SystemExit(main())

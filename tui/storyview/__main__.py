from storyview.cli import main

raise SystemExit(main())

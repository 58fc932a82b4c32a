from kitrack.cli import main

main()

@echo off
rem Handover's command line in the installed app (electron/main/cli-mode.ts), installed as
rem resources\bin\handover.cmd beside Handover.exe. A batch file, so cmd waits for Handover.exe
rem and %ERRORLEVEL% is its exit code; ELECTRON_NO_ATTACH_CONSOLE is cleared so its output
rem reaches this console.
setlocal
set ELECTRON_NO_ATTACH_CONSOLE=
set ELECTRON_RUN_AS_NODE=
"%~dp0..\..\Handover.exe" --handover-cli %*
exit /b %ERRORLEVEL%

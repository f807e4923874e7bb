@echo off
rem Starts the Bulletproof daemon at every login of the current user (Task Scheduler, no administrator
rem rights needed). Run once; undo with: schtasks /Delete /TN "Bulletproof daemon" /F
setlocal
set "exe=%~dp0..\bulletproof.exe"
if not exist "%exe%" set "exe=%~dp0bulletproof.exe"
if not exist "%exe%" (
  echo Cannot find bulletproof.exe next to %~dp0 1>&2
  exit /b 2
)
schtasks /Create /F /SC ONLOGON /TN "Bulletproof daemon" /TR "\"%exe%\" daemon"

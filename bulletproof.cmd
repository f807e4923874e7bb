@echo off
rem Runs the Bulletproof CLI from the jars the Maven build produced (daemon\target);
rem "bulletproof desktop [--url URL] [--token TOKEN] [--data-dir FOLDER]" opens the desktop client instead.
rem Java: %BULLETPROOF_JAVA%, else %JAVA_HOME%\bin\java.exe, else java on PATH (Java 21 or newer).
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%daemon\target\bulletproof-daemon.jar"
set "LIB=%HERE%daemon\target\lib"

rem "desktop --help" is answered by the CLI, which documents the verb; everything else goes to the client.
if /i "%~1"=="desktop" if /i not "%~2"=="--help" if /i not "%~2"=="-h" goto desktop

if not exist "%JAR%" goto notbuilt
if not exist "%LIB%" goto notbuilt

set "JAVA_BIN=java"
if defined JAVA_HOME set "JAVA_BIN=%JAVA_HOME%\bin\java.exe"
if defined BULLETPROOF_JAVA set "JAVA_BIN=%BULLETPROOF_JAVA%"

"%JAVA_BIN%" --enable-native-access=ALL-UNNAMED %BULLETPROOF_JAVA_OPTS% -cp "%JAR%;%LIB%\*" dev.bulletproof.daemon.cli.BulletproofCli %*
exit /b %ERRORLEVEL%

:desktop
set "JAR=%HERE%desktop-client\target\bulletproof-desktop.jar"
if not exist "%JAR%" goto notbuilt
set "JAVA_BIN=java"
if defined JAVA_HOME set "JAVA_BIN=%JAVA_HOME%\bin\java.exe"
if defined BULLETPROOF_JAVA set "JAVA_BIN=%BULLETPROOF_JAVA%"
shift
set "ARGS="
:collect
if "%~1"=="" goto rundesktop
set ARGS=%ARGS% %1
shift
goto collect
:rundesktop
"%JAVA_BIN%" --enable-native-access=ALL-UNNAMED %BULLETPROOF_JAVA_OPTS% -jar "%JAR%" %ARGS%
exit /b %ERRORLEVEL%

:notbuilt
echo Bulletproof is not built yet. Build it once with: 1>&2
echo   mvn -B -DskipTests package -pl daemon,desktop-client -am   (with JAVA_HOME pointing at a JDK 25) 1>&2
exit /b 2

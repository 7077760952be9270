; KAM Desktop's Windows installer (NSIS 3, 64-bit unicode: makensis -X"Target amd64-unicode").
; Built by installer/build_windows.py, which passes VERSION (from kam_desktop.__version__, the one version
; source), APPDIR (the PyInstaller folder) and OUTFILE. Per user, no admin rights: the app goes to
; %LOCALAPPDATA%\Programs\KAM Desktop and registers under HKCU so it shows in "Apps & features".
; The user's data (%LOCALAPPDATA%\KAM\KAM Desktop: the store, backups, logs) is never touched by an install or
; upgrade; the uninstaller asks before deleting it, keeping it by default (silent: /S keeps it, /S /PURGE deletes).
Unicode true
!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

!ifndef VERSION
  !error "pass -DVERSION=x.y.z"
!endif
!define APPNAME "KAM Desktop"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\KAMDesktop"
!define DATADIR "$LOCALAPPDATA\KAM\KAM Desktop"

Name "${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APPNAME}"
InstallDirRegKey HKCU "${UNINSTKEY}" "InstallLocation"
SetCompressor /SOLID lzma
BrandingText "${APPNAME} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APPNAME}"
VIAddVersionKey "FileDescription" "${APPNAME} installer"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "CompanyName" "KAM"
VIAddVersionKey "LegalCopyright" "KAM"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\kam-desktop.exe"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Polish"
!insertmacro MUI_LANGUAGE "Russian"

LangString RUNNING ${LANG_ENGLISH} "KAM Desktop is running. Close it (File > Quit), then click Retry."
LangString RUNNING ${LANG_POLISH} "KAM Desktop jest uruchomiony. Zamknij go (Plik > Zakończ), a potem kliknij Ponów."
LangString RUNNING ${LANG_RUSSIAN} "KAM Desktop запущен. Закройте его (Файл > Выход) и нажмите «Повтор»."
LangString PURGE ${LANG_ENGLISH} "Also delete your KAM Desktop data (the local store, its backups and logs) in$\r$\n${DATADIR}?$\r$\n$\r$\nChoose No to keep it for a later installation."
LangString PURGE ${LANG_POLISH} "Usunąć także dane KAM Desktop (lokalną bazę, jej kopie zapasowe i logi) z$\r$\n${DATADIR}?$\r$\n$\r$\nWybierz Nie, aby je zachować na później."
LangString PURGE ${LANG_RUSSIAN} "Удалить также данные KAM Desktop (локальную базу, её резервные копии и журналы) в$\r$\n${DATADIR}?$\r$\n$\r$\nВыберите «Нет», чтобы сохранить их для следующей установки."

; A running exe cannot be opened for writing on Windows: that is how an upgrade finds a running app.
!macro RefuseWhileRunning
  ${DoWhile} ${FileExists} "$INSTDIR\kam-desktop.exe"
    ClearErrors
    FileOpen $0 "$INSTDIR\kam-desktop.exe" a
    ${IfNot} ${Errors}
      FileClose $0
      ${Break}
    ${EndIf}
    ${IfNot} ${Cmd} `MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(RUNNING)" /SD IDCANCEL IDRETRY`
      Abort "$(RUNNING)"
    ${EndIf}
  ${Loop}
!macroend

Section "KAM Desktop" SecApp
  SectionIn RO
  SetShellVarContext current
  !insertmacro RefuseWhileRunning
  ; upgrade in place: the previous version's program files go, the data folder stays (the app's first start
  ; migrates the store after a verified backup)
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\kam-desktop.exe"
  Delete "$INSTDIR\kamctl.exe"
  SetOutPath "$INSTDIR"
  File /r "${APPDIR}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\kam-desktop.exe"
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "KAM"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\kam-desktop.exe"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" $0
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
SectionEnd

Section /o "Desktop shortcut" SecDesktop
  SetShellVarContext current
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\kam-desktop.exe"
SectionEnd

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Uninstall"
  SetShellVarContext current
  !insertmacro RefuseWhileRunning
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$DESKTOP\${APPNAME}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\kam-desktop.exe"
  Delete "$INSTDIR\kamctl.exe"
  ; portable mode's switch (its data folder stays: RMDir below removes only an empty folder)
  Delete "$INSTDIR\portable.ini"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTKEY}"
  ; the data: kept unless the user says so (default button: No; silent: only with /PURGE)
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/PURGE" $1
  ${IfNot} ${Errors}
    RMDir /r "${DATADIR}"
  ${ElseIf} ${FileExists} "${DATADIR}\*.*"
    ${If} ${Cmd} `MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "$(PURGE)" /SD IDNO IDYES`
      RMDir /r "${DATADIR}"
    ${EndIf}
  ${EndIf}
  RMDir "$LOCALAPPDATA\KAM"
SectionEnd

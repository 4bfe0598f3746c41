"""Test helper: type into cells of .xlsx files with LibreOffice (UNO over a pipe, a throwaway profile) and save them as .xlsx, as a bidder would in Calc. Usage: lofill.py JOBS.json PROFILE_URL; each job: {"in", "out", "sheet", "cells": {"A1": "text" or number}}."""
import json, os, subprocess, sys, time
import uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

def main(jobs_path, profile_url):
    pipe = "lofill%d" % os.getpid()
    office = subprocess.Popen(["soffice", "-env:UserInstallation=" + profile_url, "--headless", "--norestore", "--nologo",
                               "--accept=pipe,name=%s;urp;" % pipe])
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    ctx = None
    for _ in range(240):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe); break
        except Exception:
            time.sleep(0.5)
    if ctx is None:
        office.kill(); sys.exit("LibreOffice did not answer")
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    try:
        for job in json.load(open(jobs_path, encoding="utf-8")):
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(job["in"]), "_blank", 0, (prop("Hidden", True),))
            sheet = doc.Sheets.getByName(job["sheet"])
            for address, value in job["cells"].items():
                cell = sheet.getCellRangeByName(address)
                if isinstance(value, (int, float)): cell.setValue(value)
                else: cell.setString(value)
            doc.storeToURL(uno.systemPathToFileUrl(job["out"]), (prop("FilterName", "Calc MS Excel 2007 XML"),))
            doc.close(True)
    finally:
        try: desktop.terminate()
        except Exception: pass
        try: office.wait(timeout=60)
        except Exception: office.kill()

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

/**
 * `npm start` (scripts/start.mjs) stops the server it started when it is told to: SIGTERM to npm (a service
 * manager, a closing terminal) must not leave the dev server running, although npm runs the script through
 * a shell that does not pass the signal on. And its log never claims to serve a folder that does not exist.
 * Runs the real script on a free port (ADDIN_DEV_PORT), so a developer's own npm start on 3000 is left alone.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { request } from "node:https";
import { type AddressInfo, createConnection, createServer } from "node:net";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..");
const LIFETIME = join(ROOT, "scripts", "lifetime.mjs");

/** Everything a child wrote, and a way to wait for a line. */
function watch(child: ChildProcess) {
  let out = "";
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  return {
    log: () => out,
    exited,
    async until(pattern: RegExp, ms: number): Promise<void> {
      const end = Date.now() + ms;
      while (!pattern.test(out)) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${pattern}; output so far:\n${out}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
  };
}

const freePort = () =>
  new Promise<number>((done) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => done(port));
    });
  });

const listening = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), done(true)));
    socket.once("error", () => done(false));
  });

async function closedWithin(port: number, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (!(await listening(port))) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

const get = (url: string) =>
  new Promise<number>((done, fail) =>
    request(url, { rejectUnauthorized: false }, (res) => (res.resume(), done(res.statusCode ?? 0)))
      .on("error", fail)
      .end(),
  );

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Every process below pid (npm → sh → node scripts/start.mjs), from ps. */
function descendants(pid: number): number[] {
  const rows = execFileSync("ps", ["-eo", "pid=,ppid="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((l) => l.trim().split(/\s+/).map(Number));
  const out: number[] = [];
  const walk = (p: number) => rows.filter(([, parent]) => parent === p).forEach(([child]) => (out.push(child), walk(child)));
  walk(pid);
  return out;
}

const within = <T>(p: Promise<T>, ms: number) => Promise.race([p, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), ms))]);

describe("scripts/lifetime.mjs", () => {
  // A process started through a shell, as npm starts scripts: killing the shell must end it too.
  const CHILD = `import { stopOnExit } from ${JSON.stringify(LIFETIME)};
    stopOnExit(() => { console.log("stopped cleanly"); process.exit(0); });
    setInterval(() => {}, 1000); console.log("running " + process.pid);`;

  it("stops when the process that started it is gone", async () => {
    const shell = spawn("sh", ["-c", `node --input-type=module -e '${CHILD}'; echo never`], { stdio: ["ignore", "pipe", "pipe"] });
    const w = watch(shell);
    await w.until(/running \d+/, 10_000);
    const pid = Number(/running (\d+)/.exec(w.log())![1]);
    shell.kill("SIGKILL"); // the shell goes without a word, as it does when npm is told to stop
    const end = Date.now() + 5000;
    while (isAlive(pid) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    expect(isAlive(pid)).toBe(false);
  });

  it.each(["SIGTERM", "SIGINT", "SIGHUP"] as const)("stops cleanly on %s", async (signal) => {
    const child = spawn("node", ["--input-type=module", "-e", CHILD], { stdio: ["ignore", "pipe", "pipe"] });
    const w = watch(child);
    await w.until(/running/, 10_000);
    child.kill(signal);
    expect(await w.exited).toBe(0);
    expect(w.log()).toContain("stopped cleanly");
  });
});

describe("npm start", () => {
  let npm: ChildProcess | undefined;
  let started: number[] = [];
  afterAll(() => {
    // Whatever this test started and is still there (a regression) goes, so jest can end.
    for (const pid of [npm?.pid ?? 0, ...started]) if (pid && isAlive(pid)) process.kill(pid, "SIGKILL");
  });

  it("serves, then SIGTERM to npm stops the server it started; the log names no folder it does not serve", async () => {
    const port = await freePort();
    npm = spawn("npm", ["start"], {
      cwd: ROOT,
      env: { ...process.env, ADDIN_DEV_PORT: String(port), BROWSER: "none" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const w = watch(npm);
    await w.until(/served at https:\/\/localhost:\d+\/|npm start failed/, 150_000);
    expect(w.log()).toContain(`served at https://localhost:${port}/`);
    expect(await get(`https://localhost:${port}/index.html`)).toBe(200);
    expect(await get(`https://localhost:${port}/manifest.xml`)).toBe(200);
    // webpack-dev-server's "Content not from webpack is served from '…/dist'": nothing is, in development.
    expect(w.log()).not.toMatch(/served from/i);

    started = descendants(npm.pid!);
    expect(started.length).toBeGreaterThan(0);
    npm.kill("SIGTERM");
    expect(await within(w.exited, 15_000)).not.toBe("timeout");
    expect(await closedWithin(port, 10_000)).toBe(true);
    // The script itself ends too (it may take a moment after the port closes), not only its server.
    const end = Date.now() + 10_000;
    while (started.some(isAlive) && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
    expect(started.filter(isAlive)).toEqual([]);
  }, 200_000);
});

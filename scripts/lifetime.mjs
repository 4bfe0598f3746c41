// How long `npm start`'s server lives: until a signal (Ctrl-C, SIGTERM from a service manager, SIGHUP when
// the terminal closes) or until the process that started it is gone. The last matters because npm runs the
// script through a shell: on SIGTERM npm and that shell exit and the shell does not pass the signal on, so
// without this the server would keep running on port 3000 with no one to stop it.

/** Whether a process is still there (signal 0 only asks; it sends nothing). */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM"; // there, but not ours to signal
  }
}

/**
 * Calls `onGone` once when the parent process ends: it is no longer alive, or this process was handed to
 * another parent (Linux reparents orphans to init or a subreaper). Returns a function that stops watching.
 */
export function watchParent(onGone, { parent = process.ppid, currentParent = () => process.ppid, alive = isAlive, everyMs = 500 } = {}) {
  const timer = setInterval(() => {
    if (currentParent() !== parent || !alive(parent)) {
      clearInterval(timer);
      onGone();
    }
  }, everyMs);
  timer.unref(); // never what keeps the process running
  return () => clearInterval(timer);
}

export const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * Runs `stop` once on the first stop signal or when the parent is gone; a second signal, or a stop that
 * takes longer than `graceMs`, ends the process at once.
 */
export function stopOnExit(stop, { graceMs = 5000, watch = watchParent } = {}) {
  let stopping = false;
  const once = (code) => () => {
    if (stopping) process.exit(code);
    stopping = true;
    setTimeout(() => process.exit(code), graceMs).unref();
    Promise.resolve()
      .then(() => stop(code))
      .catch(() => process.exit(code));
  };
  for (const signal of STOP_SIGNALS) process.on(signal, once(0));
  watch(once(0));
}

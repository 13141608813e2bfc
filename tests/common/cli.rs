//! Running the `tco` binary from the command-line tests.

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// Runs `tco` with `args`, feeding `stdin` when given.
pub fn tco(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tco"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tco");
    if let Some(text) = stdin {
        // The command may refuse its arguments before reading stdin: a closed pipe is fine.
        let _ = child
            .stdin
            .take()
            .expect("stdin")
            .write_all(text.as_bytes());
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().expect("tco output")
}

/// The JSON `tco` printed, after checking it succeeded.
pub fn stdout_json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

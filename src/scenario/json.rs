//! Helpers over a scenario's canonical JSON: field paths as JSON pointers, writing one
//! field, deep merges.

use serde_json::Value;

/// Writes `value` at `path` of a scenario's JSON; an optional field absent from the
/// serialised form is inserted in its parent.
pub(super) fn put(whole: &mut Value, path: &str, value: Value) {
    if let Some(slot) = whole.pointer_mut(&json_pointer(path)) {
        *slot = value;
        return;
    }
    let (parent, leaf) = path.rsplit_once('.').unwrap_or(("", path));
    let target = if parent.is_empty() {
        Some(whole)
    } else {
        whole.pointer_mut(&json_pointer(parent))
    };
    if let Some(Value::Object(m)) = target {
        m.insert(leaf.into(), value);
    }
}

/// `workload.monthly_requests` -> `/workload/monthly_requests`.
pub fn json_pointer(path: &str) -> String {
    let mut p = String::with_capacity(path.len() + 1);
    for part in path.split('.') {
        p.push('/');
        p.push_str(part);
    }
    p
}

/// Deep-merges `over` into `base`: objects merge key by key, anything else replaces.
pub fn merge(base: &mut Value, over: &Value) {
    match (base, over) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                match b.get_mut(k) {
                    Some(slot) => merge(slot, v),
                    None => {
                        b.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (slot, v) => *slot = v.clone(),
    }
}

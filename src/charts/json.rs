//! Reading and writing an option's JSON the ways ECharts allows: a component is one
//! object or a list of them.

use serde_json::{Map, Value};

/// The objects under `key` in `option`, given as one or as a list (none when there is
/// neither).
pub(super) fn one_or_many<'a>(option: &'a Value, key: &str) -> Vec<&'a Value> {
    match option.get(key) {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one @ Value::Object(_)) => vec![one],
        _ => Vec::new(),
    }
}

/// [`one_or_many`], to change them; only the objects.
pub(super) fn objects_mut<'a>(option: &'a mut Value, key: &str) -> Vec<&'a mut Map<String, Value>> {
    match option.get_mut(key) {
        Some(Value::Array(items)) => items.iter_mut().filter_map(Value::as_object_mut).collect(),
        Some(Value::Object(one)) => vec![one],
        _ => Vec::new(),
    }
}

/// The object under `key` in `parent`, created empty when there is none (or something
/// else is there).
pub(super) fn object_at<'a>(
    parent: &'a mut Map<String, Value>,
    key: &str,
) -> Option<&'a mut Map<String, Value>> {
    if !parent.get(key).is_some_and(Value::is_object) {
        parent.insert(key.to_string(), Value::Object(Map::new()));
    }
    parent.get_mut(key).and_then(Value::as_object_mut)
}

/// Sets `key` unless the option already sets it.
pub(super) fn set_unless_set(target: &mut Map<String, Value>, key: &str, value: Value) {
    target.entry(key).or_insert(value);
}

/// The string under `key` in `object`, if there is one.
pub(super) fn string_at<'a>(object: &'a Value, key: &str) -> Option<&'a str> {
    object.get(key)?.as_str()
}

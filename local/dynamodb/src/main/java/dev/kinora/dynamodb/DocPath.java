package dev.kinora.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A document path such as {@code a.b[2].c}, with placeholders already resolved. */
record DocPath(List<Step> steps) {

  sealed interface Step {}

  record Field(String name) implements Step {}

  record Index(int index) implements Step {}

  DocPath {
    steps = List.copyOf(steps);
  }

  static DocPath of(String attribute) {
    return new DocPath(List.of(new Field(attribute)));
  }

  String topLevel() {
    return ((Field) steps.get(0)).name();
  }

  /** The value at this path, or null when any step is missing or of the wrong shape. */
  AttrValue resolve(Map<String, AttrValue> item) {
    AttrValue current = item == null ? null : item.get(topLevel());
    for (int i = 1; i < steps.size() && current != null; i++) {
      current = step(current, steps.get(i));
    }
    return current;
  }

  private static AttrValue step(AttrValue container, Step step) {
    if (step instanceof Field f && container instanceof AttrValue.M m) {
      return m.value().get(f.name());
    }
    if (step instanceof Index ix && container instanceof AttrValue.L l) {
      return ix.index() < l.value().size() ? l.value().get(ix.index()) : null;
    }
    return null;
  }

  /** True when one path is a prefix of (or equal to) the other. */
  boolean overlaps(DocPath other) {
    int n = Math.min(steps.size(), other.steps.size());
    return steps.subList(0, n).equals(other.steps.subList(0, n));
  }

  /** DynamoDB's rendering in error messages, e.g. {@code [a, b, [2]]}. */
  String describe() {
    List<String> parts = new ArrayList<>();
    for (Step s : steps) {
      parts.add(s instanceof Field f ? f.name() : "[" + ((Index) s).index() + "]");
    }
    return parts.toString();
  }

  // ---------------------------------------------------------------- writes (copy on write)

  /**
   * Returns a copy of the item with the value set at this path. Setting a list index beyond the end
   * appends, as DynamoDB does; a missing parent is an error.
   */
  Map<String, AttrValue> set(Map<String, AttrValue> item, AttrValue value) {
    Map<String, AttrValue> copy = new LinkedHashMap<>(item);
    if (steps.size() == 1) {
      copy.put(topLevel(), value);
      return copy;
    }
    AttrValue child = copy.get(topLevel());
    if (child == null) {
      throw invalidForUpdate();
    }
    copy.put(topLevel(), setIn(child, 1, value));
    return copy;
  }

  private AttrValue setIn(AttrValue container, int i, AttrValue value) {
    Step step = steps.get(i);
    boolean last = i == steps.size() - 1;
    if (step instanceof Field f && container instanceof AttrValue.M m) {
      Map<String, AttrValue> copy = new LinkedHashMap<>(m.value());
      if (last) {
        copy.put(f.name(), value);
      } else {
        AttrValue child = copy.get(f.name());
        if (child == null) {
          throw invalidForUpdate();
        }
        copy.put(f.name(), setIn(child, i + 1, value));
      }
      return AttrValue.m(copy);
    }
    if (step instanceof Index ix && container instanceof AttrValue.L l) {
      List<AttrValue> copy = new ArrayList<>(l.value());
      if (last) {
        if (ix.index() >= copy.size()) {
          copy.add(value);
        } else {
          copy.set(ix.index(), value);
        }
      } else {
        if (ix.index() >= copy.size()) {
          throw invalidForUpdate();
        }
        copy.set(ix.index(), setIn(copy.get(ix.index()), i + 1, value));
      }
      return AttrValue.l(copy);
    }
    throw invalidForUpdate();
  }

  /** Returns a copy of the item without this path; a missing path leaves the item unchanged. */
  Map<String, AttrValue> remove(Map<String, AttrValue> item) {
    Map<String, AttrValue> copy = new LinkedHashMap<>(item);
    if (steps.size() == 1) {
      copy.remove(topLevel());
      return copy;
    }
    AttrValue child = copy.get(topLevel());
    if (child == null) {
      return item;
    }
    copy.put(topLevel(), removeIn(child, 1));
    return copy;
  }

  private AttrValue removeIn(AttrValue container, int i) {
    Step step = steps.get(i);
    boolean last = i == steps.size() - 1;
    if (step instanceof Field f && container instanceof AttrValue.M m) {
      Map<String, AttrValue> copy = new LinkedHashMap<>(m.value());
      AttrValue child = copy.get(f.name());
      if (child == null) {
        return container;
      }
      if (last) {
        copy.remove(f.name());
      } else {
        copy.put(f.name(), removeIn(child, i + 1));
      }
      return AttrValue.m(copy);
    }
    if (step instanceof Index ix && container instanceof AttrValue.L l) {
      if (ix.index() >= l.value().size()) {
        return container;
      }
      List<AttrValue> copy = new ArrayList<>(l.value());
      if (last) {
        copy.remove(ix.index());
      } else {
        copy.set(ix.index(), removeIn(copy.get(ix.index()), i + 1));
      }
      return AttrValue.l(copy);
    }
    throw invalidForUpdate();
  }

  static ApiException invalidForUpdate() {
    return ApiException.validation(
        "The document path provided in the update expression is invalid for update");
  }

  // ---------------------------------------------------------------- projection

  /**
   * Keeps only the given paths of an item. Nested maps keep their shape; selected list elements are
   * gathered in index order, which is how DynamoDB answers {@code a[1], a[3]}.
   */
  static Map<String, AttrValue> project(Map<String, AttrValue> item, List<DocPath> paths) {
    Selection root = new Selection();
    for (DocPath path : paths) {
      Selection node = root;
      for (Step step : path.steps) {
        node =
            step instanceof Field f
                ? node.fields.computeIfAbsent(f.name(), k -> new Selection())
                : node.indexes.computeIfAbsent(((Index) step).index(), k -> new Selection());
      }
      node.whole = true;
    }
    Map<String, AttrValue> out = new LinkedHashMap<>();
    for (Map.Entry<String, Selection> e : root.fields.entrySet()) {
      AttrValue value = item.get(e.getKey());
      AttrValue extracted = value == null ? null : e.getValue().extract(value);
      if (extracted != null) {
        out.put(e.getKey(), extracted);
      }
    }
    return out;
  }

  /** The tree of selected paths; a node marked whole keeps its entire value. */
  private static final class Selection {
    boolean whole;
    final Map<String, Selection> fields = new LinkedHashMap<>();
    final TreeMap<Integer, Selection> indexes = new TreeMap<>();

    AttrValue extract(AttrValue value) {
      if (whole) {
        return value;
      }
      if (value instanceof AttrValue.M m && !fields.isEmpty()) {
        Map<String, AttrValue> out = new LinkedHashMap<>();
        fields.forEach(
            (name, sel) -> {
              AttrValue child = m.value().get(name);
              AttrValue extracted = child == null ? null : sel.extract(child);
              if (extracted != null) {
                out.put(name, extracted);
              }
            });
        return out.isEmpty() ? null : AttrValue.m(out);
      }
      if (value instanceof AttrValue.L l && !indexes.isEmpty()) {
        List<AttrValue> out = new ArrayList<>();
        indexes.forEach(
            (index, sel) -> {
              AttrValue child = index < l.value().size() ? l.value().get(index) : null;
              AttrValue extracted = child == null ? null : sel.extract(child);
              if (extracted != null) {
                out.add(extracted);
              }
            });
        return out.isEmpty() ? null : AttrValue.l(out);
      }
      return null;
    }
  }
}

package dev.kinora.dynamodb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The parsed forms of condition, filter, key-condition and update expressions. */
final class Expr {
  private Expr() {}

  // ---------------------------------------------------------------- operands

  sealed interface Operand {
    /** The operand's value against an item, or null when a referenced path is missing. */
    AttrValue value(Map<String, AttrValue> item);
  }

  record PathRef(DocPath path) implements Operand {
    @Override
    public AttrValue value(Map<String, AttrValue> item) {
      return path.resolve(item);
    }
  }

  record Literal(String placeholder, AttrValue literal) implements Operand {
    @Override
    public AttrValue value(Map<String, AttrValue> item) {
      return literal;
    }
  }

  /** {@code size(path)}: characters of a string, bytes of a binary, elements of a collection. */
  record Size(DocPath path) implements Operand {
    @Override
    public AttrValue value(Map<String, AttrValue> item) {
      AttrValue v = path.resolve(item);
      if (v == null) {
        return null;
      }
      long size =
          switch (v) {
            case AttrValue.S s -> s.value().codePointCount(0, s.value().length());
            case AttrValue.B b -> b.value().length();
            case AttrValue.SS ss -> ss.value().size();
            case AttrValue.NS ns -> ns.value().size();
            case AttrValue.BS bs -> bs.value().size();
            case AttrValue.M m -> m.value().size();
            case AttrValue.L l -> l.value().size();
            default -> -1;
          };
      return size < 0 ? null : AttrValue.n(BigDecimal.valueOf(size));
    }
  }

  record IfNotExists(DocPath path, Operand fallback) implements Operand {
    @Override
    public AttrValue value(Map<String, AttrValue> item) {
      AttrValue existing = path.resolve(item);
      return existing != null ? existing : required(fallback, item);
    }
  }

  record ListAppend(Operand first, Operand second) implements Operand {
    @Override
    public AttrValue value(Map<String, AttrValue> item) {
      AttrValue a = required(first, item);
      AttrValue b = required(second, item);
      if (!(a instanceof AttrValue.L la)) {
        throw wrongOperandType("list_append", a);
      }
      if (!(b instanceof AttrValue.L lb)) {
        throw wrongOperandType("list_append", b);
      }
      List<AttrValue> joined = new ArrayList<>(la.value());
      joined.addAll(lb.value());
      return AttrValue.l(joined);
    }
  }

  record Arithmetic(Operand left, char operator, Operand right) implements Operand {
    @Override
    public AttrValue value(Map<String, AttrValue> item) {
      AttrValue a = required(left, item);
      AttrValue b = required(right, item);
      if (!(a instanceof AttrValue.N na) || !(b instanceof AttrValue.N nb)) {
        throw ApiException.validation(
            "An operand in the update expression has an incorrect data type");
      }
      BigDecimal result =
          operator == '+' ? na.value().add(nb.value()) : na.value().subtract(nb.value());
      return new AttrValue.N(Numbers.checked(result));
    }
  }

  static AttrValue required(Operand operand, Map<String, AttrValue> item) {
    AttrValue v = operand.value(item);
    if (v == null) {
      throw ApiException.validation(
          "The provided expression refers to an attribute that does not exist in the item");
    }
    return v;
  }

  static ApiException wrongOperandType(String function, AttrValue value) {
    return ApiException.validation(
        "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or"
            + " function: "
            + function
            + ", operand type: "
            + value.type());
  }

  // ---------------------------------------------------------------- conditions

  sealed interface Condition {
    boolean test(Map<String, AttrValue> item);
  }

  record Comparison(String operator, Operand left, Operand right) implements Condition {
    @Override
    public boolean test(Map<String, AttrValue> item) {
      AttrValue a = left.value(item);
      AttrValue b = right.value(item);
      return switch (operator) {
        // A missing attribute is "not equal" to anything, as in DynamoDB.
        case "=" -> a != null && a.equals(b);
        case "<>" -> !Objects.equals(a, b);
        default -> {
          Integer c = a == null || b == null ? null : AttrValue.compare(a, b);
          if (c == null) {
            yield false;
          }
          yield switch (operator) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            default -> throw new IllegalStateException(operator);
          };
        }
      };
    }
  }

  record Between(Operand subject, Operand low, Operand high) implements Condition {
    @Override
    public boolean test(Map<String, AttrValue> item) {
      AttrValue v = subject.value(item);
      AttrValue lo = low.value(item);
      AttrValue hi = high.value(item);
      if (v == null || lo == null || hi == null) {
        return false;
      }
      Integer c1 = AttrValue.compare(lo, v);
      Integer c2 = AttrValue.compare(v, hi);
      return c1 != null && c2 != null && c1 <= 0 && c2 <= 0;
    }
  }

  record In(Operand subject, List<Operand> candidates) implements Condition {
    @Override
    public boolean test(Map<String, AttrValue> item) {
      AttrValue v = subject.value(item);
      if (v == null) {
        return false;
      }
      for (Operand candidate : candidates) {
        if (v.equals(candidate.value(item))) {
          return true;
        }
      }
      return false;
    }
  }

  record And(Condition left, Condition right) implements Condition {
    @Override
    public boolean test(Map<String, AttrValue> item) {
      return left.test(item) && right.test(item);
    }
  }

  record Or(Condition left, Condition right) implements Condition {
    @Override
    public boolean test(Map<String, AttrValue> item) {
      return left.test(item) || right.test(item);
    }
  }

  record Not(Condition inner) implements Condition {
    @Override
    public boolean test(Map<String, AttrValue> item) {
      return !inner.test(item);
    }
  }

  record Exists(DocPath path, boolean shouldExist) implements Condition {
    @Override
    public boolean test(Map<String, AttrValue> item) {
      return (path.resolve(item) != null) == shouldExist;
    }
  }

  record TypeIs(DocPath path, Operand typeName) implements Condition {
    @Override
    public boolean test(Map<String, AttrValue> item) {
      AttrValue v = path.resolve(item);
      return v != null
          && typeName.value(item) instanceof AttrValue.S s
          && s.value().equals(v.type());
    }
  }

  record BeginsWith(Operand subject, Operand prefix) implements Condition {
    @Override
    public boolean test(Map<String, AttrValue> item) {
      AttrValue v = subject.value(item);
      AttrValue p = prefix.value(item);
      if (v instanceof AttrValue.S s && p instanceof AttrValue.S ps) {
        return s.value().startsWith(ps.value());
      }
      if (v instanceof AttrValue.B b && p instanceof AttrValue.B pb) {
        return b.value().startsWith(pb.value());
      }
      return false;
    }
  }

  record Contains(Operand subject, Operand operand) implements Condition {
    @Override
    public boolean test(Map<String, AttrValue> item) {
      AttrValue v = subject.value(item);
      AttrValue o = operand.value(item);
      if (v == null || o == null) {
        return false;
      }
      return switch (v) {
        case AttrValue.S s -> o instanceof AttrValue.S os && s.value().contains(os.value());
        case AttrValue.B b -> o instanceof AttrValue.B ob && containsBytes(b.value(), ob.value());
        case AttrValue.SS ss -> o instanceof AttrValue.S os && ss.value().contains(os.value());
        case AttrValue.NS ns -> o instanceof AttrValue.N on && ns.value().contains(on.value());
        case AttrValue.BS bs -> o instanceof AttrValue.B ob && bs.value().contains(ob.value());
        case AttrValue.L l -> l.value().contains(o);
        default -> false;
      };
    }

    private static boolean containsBytes(Bytes haystack, Bytes needle) {
      return haystack.contains(needle);
    }
  }

  /** Every document path a condition reads. */
  static List<DocPath> paths(Condition condition) {
    List<DocPath> out = new ArrayList<>();
    collect(condition, out);
    return out;
  }

  private static void collect(Condition condition, List<DocPath> out) {
    switch (condition) {
      case Comparison c -> {
        collect(c.left(), out);
        collect(c.right(), out);
      }
      case Between b -> {
        collect(b.subject(), out);
        collect(b.low(), out);
        collect(b.high(), out);
      }
      case In in -> {
        collect(in.subject(), out);
        in.candidates().forEach(o -> collect(o, out));
      }
      case And a -> {
        collect(a.left(), out);
        collect(a.right(), out);
      }
      case Or o -> {
        collect(o.left(), out);
        collect(o.right(), out);
      }
      case Not n -> collect(n.inner(), out);
      case Exists e -> out.add(e.path());
      case TypeIs t -> out.add(t.path());
      case BeginsWith b -> {
        collect(b.subject(), out);
        collect(b.prefix(), out);
      }
      case Contains c -> {
        collect(c.subject(), out);
        collect(c.operand(), out);
      }
    }
  }

  private static void collect(Operand operand, List<DocPath> out) {
    switch (operand) {
      case PathRef p -> out.add(p.path());
      case Size s -> out.add(s.path());
      case IfNotExists i -> {
        out.add(i.path());
        collect(i.fallback(), out);
      }
      case ListAppend l -> {
        collect(l.first(), out);
        collect(l.second(), out);
      }
      case Arithmetic a -> {
        collect(a.left(), out);
        collect(a.right(), out);
      }
      case Literal ignored -> {}
    }
  }

  // ---------------------------------------------------------------- updates

  record SetAction(DocPath path, Operand value) {}

  record AddAction(DocPath path, Literal value) {}

  record DeleteAction(DocPath path, Literal value) {}

  /** All clauses of one UpdateExpression; applied against the item as it was before the update. */
  record UpdatePlan(
      List<SetAction> sets,
      List<DocPath> removes,
      List<AddAction> adds,
      List<DeleteAction> deletes) {

    List<DocPath> allPaths() {
      List<DocPath> paths = new ArrayList<>();
      sets.forEach(a -> paths.add(a.path()));
      paths.addAll(removes);
      adds.forEach(a -> paths.add(a.path()));
      deletes.forEach(a -> paths.add(a.path()));
      return paths;
    }

    /** Paths whose new values UPDATED_NEW reports (removed ones have no new value). */
    List<DocPath> writtenPaths() {
      List<DocPath> paths = new ArrayList<>();
      sets.forEach(a -> paths.add(a.path()));
      adds.forEach(a -> paths.add(a.path()));
      deletes.forEach(a -> paths.add(a.path()));
      return paths;
    }

    Map<String, AttrValue> apply(Map<String, AttrValue> original) {
      // Every right-hand side sees the item before any action of this update ran.
      List<AttrValue> setValues = new ArrayList<>();
      for (SetAction set : sets) {
        setValues.add(required(set.value(), original));
      }
      Map<String, AttrValue> item = original;
      for (int i = 0; i < sets.size(); i++) {
        item = sets.get(i).path().set(item, setValues.get(i));
      }
      // Removing higher list indexes first keeps the lower ones pointing at the original elements.
      List<DocPath> ordered = new ArrayList<>(removes);
      ordered.sort(UpdatePlan::compareForRemoval);
      for (DocPath path : ordered) {
        item = path.remove(item);
      }
      for (AddAction add : adds) {
        item = add.path().set(item, added(add.path().resolve(original), add.value().literal()));
      }
      for (DeleteAction delete : deletes) {
        AttrValue remaining = deleted(delete.path().resolve(original), delete.value().literal());
        item = remaining == null ? delete.path().remove(item) : delete.path().set(item, remaining);
      }
      return item;
    }

    /** A total order in which, inside one list, higher indexes come first. */
    private static int compareForRemoval(DocPath a, DocPath b) {
      int n = Math.min(a.steps().size(), b.steps().size());
      for (int i = 0; i < n; i++) {
        DocPath.Step x = a.steps().get(i);
        DocPath.Step y = b.steps().get(i);
        int c;
        if (x instanceof DocPath.Index xi && y instanceof DocPath.Index yi) {
          c = Integer.compare(yi.index(), xi.index());
        } else if (x instanceof DocPath.Field xf && y instanceof DocPath.Field yf) {
          c = xf.name().compareTo(yf.name());
        } else {
          c = x instanceof DocPath.Field ? -1 : 1;
        }
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(b.steps().size(), a.steps().size());
    }

    private static AttrValue added(AttrValue existing, AttrValue delta) {
      if (existing == null) {
        if (delta instanceof AttrValue.N
            || delta instanceof AttrValue.SS
            || delta instanceof AttrValue.NS
            || delta instanceof AttrValue.BS) {
          return delta;
        }
        throw wrongOperandType("ADD", delta);
      }
      if (existing instanceof AttrValue.N a && delta instanceof AttrValue.N b) {
        return new AttrValue.N(Numbers.checked(a.value().add(b.value())));
      }
      if (existing instanceof AttrValue.SS a && delta instanceof AttrValue.SS b) {
        return new AttrValue.SS(union(a.value(), b.value()));
      }
      if (existing instanceof AttrValue.NS a && delta instanceof AttrValue.NS b) {
        return new AttrValue.NS(union(a.value(), b.value()));
      }
      if (existing instanceof AttrValue.BS a && delta instanceof AttrValue.BS b) {
        return new AttrValue.BS(union(a.value(), b.value()));
      }
      throw ApiException.validation(
          "An operand in the update expression has an incorrect data type");
    }

    private static AttrValue deleted(AttrValue existing, AttrValue delta) {
      if (!(delta instanceof AttrValue.SS
          || delta instanceof AttrValue.NS
          || delta instanceof AttrValue.BS)) {
        throw wrongOperandType("DELETE", delta);
      }
      if (existing == null) {
        return null;
      }
      if (existing instanceof AttrValue.SS a && delta instanceof AttrValue.SS b) {
        var rest = minus(a.value(), b.value());
        return rest.isEmpty() ? null : new AttrValue.SS(rest);
      }
      if (existing instanceof AttrValue.NS a && delta instanceof AttrValue.NS b) {
        var rest = minus(a.value(), b.value());
        return rest.isEmpty() ? null : new AttrValue.NS(rest);
      }
      if (existing instanceof AttrValue.BS a && delta instanceof AttrValue.BS b) {
        var rest = minus(a.value(), b.value());
        return rest.isEmpty() ? null : new AttrValue.BS(rest);
      }
      throw ApiException.validation(
          "An operand in the update expression has an incorrect data type");
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
      Set<T> out = new LinkedHashSet<>(a);
      out.addAll(b);
      return Collections.unmodifiableSet(out);
    }

    private static <T> Set<T> minus(Set<T> a, Set<T> b) {
      Set<T> out = new LinkedHashSet<>(a);
      out.removeAll(b);
      return Collections.unmodifiableSet(out);
    }
  }
}

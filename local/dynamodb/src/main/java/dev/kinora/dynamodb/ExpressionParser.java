package dev.kinora.dynamodb;

import dev.kinora.dynamodb.Expr.Condition;
import dev.kinora.dynamodb.Expr.Literal;
import dev.kinora.dynamodb.Expr.Operand;
import dev.kinora.dynamodb.Expr.PathRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tokenizer and recursive-descent parser for DynamoDB expressions. Precedence, loosest first: OR,
 * AND, NOT, then comparisons, BETWEEN, IN and functions; parentheses override it.
 */
final class ExpressionParser {
  private static final Set<String> RESERVED_WORDS = loadReservedWords();
  private static final Set<String> COMPARATORS = Set.of("=", "<>", "<", "<=", ">", ">=");
  private static final Set<String> TYPE_NAMES =
      Set.of("S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS");
  private static final int MAX_IN_OPERANDS = 100;

  private enum Kind {
    IDENT,
    NAME,
    VALUE,
    NUMBER,
    SYMBOL,
    EOF
  }

  private record Token(Kind kind, String text, int start, int end) {
    boolean is(String symbol) {
      return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean isKeyword(String keyword) {
      return kind == Kind.IDENT && text.equalsIgnoreCase(keyword);
    }
  }

  private final String text;
  private final String kind;
  private final ExpressionInput input;
  private final List<Token> tokens;
  private int position;

  private ExpressionParser(String text, String kind, ExpressionInput input) {
    this.text = text;
    this.kind = kind;
    this.input = input;
    if (text.isBlank()) {
      throw ApiException.validation("Invalid " + kind + ": The expression can not be empty;");
    }
    this.tokens = tokenize();
  }

  static Condition condition(String text, String kind, ExpressionInput input) {
    ExpressionParser parser = new ExpressionParser(text, kind, input);
    Condition condition = parser.orExpression();
    parser.expectEnd();
    return condition;
  }

  static List<DocPath> projection(String text, ExpressionInput input) {
    ExpressionParser parser = new ExpressionParser(text, "ProjectionExpression", input);
    List<DocPath> paths = new ArrayList<>();
    do {
      paths.add(parser.path());
    } while (parser.accept(","));
    parser.expectEnd();
    parser.rejectOverlaps(paths);
    return paths;
  }

  static Expr.UpdatePlan update(String text, ExpressionInput input) {
    ExpressionParser parser = new ExpressionParser(text, "UpdateExpression", input);
    Expr.UpdatePlan plan = parser.updateClauses();
    parser.rejectOverlaps(plan.allPaths());
    return plan;
  }

  // ---------------------------------------------------------------- tokenizer

  private List<Token> tokenize() {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int start = i;
      if (c == '#' || c == ':') {
        i++;
        while (i < text.length() && isWordChar(text.charAt(i))) {
          i++;
        }
        if (i == start + 1) {
          throw syntaxError(new Token(Kind.SYMBOL, String.valueOf(c), start, i));
        }
        out.add(new Token(c == '#' ? Kind.NAME : Kind.VALUE, text.substring(start, i), start, i));
      } else if (Character.isLetter(c) || c == '_') {
        while (i < text.length() && isWordChar(text.charAt(i))) {
          i++;
        }
        out.add(new Token(Kind.IDENT, text.substring(start, i), start, i));
      } else if (Character.isDigit(c)) {
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
          i++;
        }
        out.add(new Token(Kind.NUMBER, text.substring(start, i), start, i));
      } else {
        String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
        if (two.equals("<>") || two.equals("<=") || two.equals(">=")) {
          i += 2;
        } else if ("=<>()[],.+-".indexOf(c) >= 0) {
          i++;
        } else {
          throw syntaxError(new Token(Kind.SYMBOL, String.valueOf(c), start, start + 1));
        }
        out.add(new Token(Kind.SYMBOL, text.substring(start, i), start, i));
      }
    }
    out.add(new Token(Kind.EOF, "<EOF>", text.length(), text.length()));
    return out;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private Token peek() {
    return tokens.get(position);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(position + ahead, tokens.size() - 1));
  }

  private Token next() {
    Token t = tokens.get(position);
    if (t.kind() != Kind.EOF) {
      position++;
    }
    return t;
  }

  private boolean accept(String symbol) {
    if (peek().is(symbol)) {
      position++;
      return true;
    }
    return false;
  }

  private void expect(String symbol) {
    Token t = next();
    if (!t.is(symbol)) {
      throw syntaxError(t);
    }
  }

  private void expectEnd() {
    if (peek().kind() != Kind.EOF) {
      throw syntaxError(peek());
    }
  }

  private ApiException syntaxError(Token t) {
    int from = Math.max(0, t.start() - 10);
    int to = Math.min(text.length(), t.end() + 10);
    String token = t.kind() == Kind.EOF ? "<EOF>" : "\"" + t.text() + "\"";
    return ApiException.validation(
        "Invalid "
            + kind
            + ": Syntax error; token: "
            + token
            + ", near: \""
            + text.substring(from, to).strip()
            + "\"");
  }

  private ApiException invalid(String detail) {
    return ApiException.validation("Invalid " + kind + ": " + detail);
  }

  // ---------------------------------------------------------------- paths and operands

  private DocPath path() {
    List<DocPath.Step> steps = new ArrayList<>();
    steps.add(new DocPath.Field(attributeName(next())));
    while (true) {
      if (accept(".")) {
        steps.add(new DocPath.Field(attributeName(next())));
      } else if (accept("[")) {
        Token index = next();
        if (index.kind() != Kind.NUMBER) {
          throw syntaxError(index);
        }
        try {
          steps.add(new DocPath.Index(Integer.parseInt(index.text())));
        } catch (NumberFormatException e) {
          throw invalid("List index is too large; index: " + index.text());
        }
        expect("]");
      } else {
        return new DocPath(steps);
      }
    }
  }

  private String attributeName(Token t) {
    if (t.kind() == Kind.NAME) {
      return input.name(t.text(), kind);
    }
    if (t.kind() != Kind.IDENT) {
      throw syntaxError(t);
    }
    if (RESERVED_WORDS.contains(t.text().toUpperCase(Locale.ROOT))) {
      throw invalid("Attribute name is a reserved keyword; reserved keyword: " + t.text());
    }
    return t.text();
  }

  private Literal literal(Token t) {
    if (t.kind() != Kind.VALUE) {
      throw syntaxError(t);
    }
    return new Literal(t.text(), input.value(t.text(), kind));
  }

  private boolean atFunction() {
    return peek().kind() == Kind.IDENT && peek(1).is("(");
  }

  private Operand operand() {
    Token t = peek();
    if (t.kind() == Kind.VALUE) {
      return literal(next());
    }
    if (atFunction()) {
      String function = next().text();
      if (!function.equals("size")) {
        throw invalid(
            "The function is not allowed to be used this way in an expression; function: "
                + function);
      }
      next();
      Operand arg = operand();
      expect(")");
      return new Expr.Size(pathOf(arg, "size"));
    }
    if (t.kind() == Kind.IDENT || t.kind() == Kind.NAME) {
      return new PathRef(path());
    }
    throw syntaxError(t);
  }

  private DocPath pathOf(Operand operand, String function) {
    if (operand instanceof PathRef ref) {
      return ref.path();
    }
    throw invalid(
        "Operator or function requires a document path; operator or function: " + function);
  }

  // ---------------------------------------------------------------- conditions

  private Condition orExpression() {
    Condition left = andExpression();
    while (peek().isKeyword("OR")) {
      next();
      left = new Expr.Or(left, andExpression());
    }
    return left;
  }

  private Condition andExpression() {
    Condition left = notExpression();
    while (peek().isKeyword("AND")) {
      next();
      left = new Expr.And(left, notExpression());
    }
    return left;
  }

  private Condition notExpression() {
    if (peek().isKeyword("NOT")) {
      next();
      return new Expr.Not(notExpression());
    }
    return primary();
  }

  private Condition primary() {
    if (accept("(")) {
      Condition inner = orExpression();
      expect(")");
      return inner;
    }
    if (atFunction() && !peek().text().equals("size")) {
      return functionCondition();
    }
    Operand left = operand();
    Token t = next();
    if (t.kind() == Kind.SYMBOL && COMPARATORS.contains(t.text())) {
      return new Expr.Comparison(t.text(), left, operand());
    }
    if (t.isKeyword("BETWEEN")) {
      Operand low = operand();
      Token and = next();
      if (!and.isKeyword("AND")) {
        throw syntaxError(and);
      }
      Operand high = operand();
      if (low instanceof Literal lo && high instanceof Literal hi) {
        Integer c = AttrValue.compare(lo.literal(), hi.literal());
        if (c != null && c > 0) {
          throw invalid(
              "The BETWEEN operator requires upper bound to be greater than or equal to lower"
                  + " bound; lower bound operand: AttributeValue: "
                  + AttrValue.describe(lo.literal())
                  + ", upper bound operand: AttributeValue: "
                  + AttrValue.describe(hi.literal()));
        }
      }
      return new Expr.Between(left, low, high);
    }
    if (t.isKeyword("IN")) {
      expect("(");
      List<Operand> candidates = new ArrayList<>();
      do {
        candidates.add(operand());
      } while (accept(","));
      expect(")");
      if (candidates.size() > MAX_IN_OPERANDS) {
        throw invalid(
            "The IN operator is provided with too many operands; number of operands: "
                + candidates.size());
      }
      return new Expr.In(left, candidates);
    }
    throw syntaxError(t);
  }

  private Condition functionCondition() {
    String function = next().text();
    expect("(");
    List<Operand> args = new ArrayList<>();
    if (!peek().is(")")) {
      do {
        args.add(operand());
      } while (accept(","));
    }
    expect(")");
    int arity =
        switch (function) {
          case "attribute_exists", "attribute_not_exists" -> 1;
          case "attribute_type", "begins_with", "contains" -> 2;
          default -> throw invalid("Invalid function name; function: " + function);
        };
    if (args.size() != arity) {
      throw invalid(
          "Incorrect number of operands for operator or function; operator or function: "
              + function
              + ", number of operands: "
              + args.size());
    }
    return switch (function) {
      case "attribute_exists" -> new Expr.Exists(pathOf(args.get(0), function), true);
      case "attribute_not_exists" -> new Expr.Exists(pathOf(args.get(0), function), false);
      case "attribute_type" -> {
        if (args.get(1) instanceof Literal type
            && !(type.literal() instanceof AttrValue.S s && TYPE_NAMES.contains(s.value()))) {
          throw invalid(
              "Invalid attribute type name found; type: "
                  + AttrValue.describe(type.literal())
                  + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
        }
        yield new Expr.TypeIs(pathOf(args.get(0), function), args.get(1));
      }
      case "begins_with" -> {
        pathOf(args.get(0), function);
        if (args.get(1) instanceof Literal prefix
            && !(prefix.literal() instanceof AttrValue.S
                || prefix.literal() instanceof AttrValue.B)) {
          throw invalid(
              "Incorrect operand type for operator or function; operator or function: begins_with,"
                  + " operand type: "
                  + prefix.literal().type());
        }
        yield new Expr.BeginsWith(args.get(0), args.get(1));
      }
      default -> new Expr.Contains(new PathRef(pathOf(args.get(0), function)), args.get(1));
    };
  }

  // ---------------------------------------------------------------- updates

  private Expr.UpdatePlan updateClauses() {
    List<Expr.SetAction> sets = new ArrayList<>();
    List<DocPath> removes = new ArrayList<>();
    List<Expr.AddAction> adds = new ArrayList<>();
    List<Expr.DeleteAction> deletes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (peek().kind() != Kind.EOF) {
      Token clause = next();
      String name = clause.kind() == Kind.IDENT ? clause.text().toUpperCase(Locale.ROOT) : "";
      if (!Set.of("SET", "REMOVE", "ADD", "DELETE").contains(name)) {
        throw syntaxError(clause);
      }
      if (!seen.add(name)) {
        throw invalid(
            "The \"" + name + "\" section can only be used once in an update expression;");
      }
      do {
        switch (name) {
          case "SET" -> {
            DocPath target = path();
            expect("=");
            sets.add(new Expr.SetAction(target, setValue()));
          }
          case "REMOVE" -> removes.add(path());
          case "ADD" -> adds.add(new Expr.AddAction(path(), literal(next())));
          default -> deletes.add(new Expr.DeleteAction(path(), literal(next())));
        }
      } while (accept(","));
    }
    return new Expr.UpdatePlan(sets, removes, adds, deletes);
  }

  private Operand setValue() {
    Operand left = setOperand();
    if (peek().is("+") || peek().is("-")) {
      char operator = next().text().charAt(0);
      return new Expr.Arithmetic(left, operator, setOperand());
    }
    return left;
  }

  private Operand setOperand() {
    if (peek().kind() == Kind.VALUE) {
      return literal(next());
    }
    if (atFunction()) {
      String function = next().text();
      next();
      Operand result =
          switch (function) {
            case "if_not_exists" -> {
              DocPath path = pathOf(setOperand(), function);
              expect(",");
              yield new Expr.IfNotExists(path, setOperand());
            }
            case "list_append" -> {
              Operand first = setOperand();
              expect(",");
              yield new Expr.ListAppend(first, setOperand());
            }
            default -> throw invalid("Invalid function name; function: " + function);
          };
      expect(")");
      return result;
    }
    return new PathRef(path());
  }

  private void rejectOverlaps(List<DocPath> paths) {
    for (int i = 0; i < paths.size(); i++) {
      for (int j = i + 1; j < paths.size(); j++) {
        if (paths.get(i).overlaps(paths.get(j))) {
          throw invalid(
              "Two document paths overlap with each other; must remove or rewrite one of these"
                  + " paths; path one: "
                  + paths.get(i).describe()
                  + ", path two: "
                  + paths.get(j).describe());
        }
      }
    }
  }

  private static Set<String> loadReservedWords() {
    try (InputStream in = ExpressionParser.class.getResourceAsStream("reserved-words.txt")) {
      if (in == null) {
        throw new IllegalStateException("reserved-words.txt missing from the classpath");
      }
      String all = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      return Set.of(all.trim().split("\\s+"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.grad4j.expr;

import static org.grad4j.expr.Lexer.CARET;
import static org.grad4j.expr.Lexer.COMMA;
import static org.grad4j.expr.Lexer.END;
import static org.grad4j.expr.Lexer.IDENT;
import static org.grad4j.expr.Lexer.LBRACKET;
import static org.grad4j.expr.Lexer.LPAREN;
import static org.grad4j.expr.Lexer.MINUS;
import static org.grad4j.expr.Lexer.NUMBER;
import static org.grad4j.expr.Lexer.PLUS;
import static org.grad4j.expr.Lexer.RBRACKET;
import static org.grad4j.expr.Lexer.RPAREN;
import static org.grad4j.expr.Lexer.SLASH;
import static org.grad4j.expr.Lexer.STAR;

import org.grad4j.expr.Lexer.Token;

/**
 * Recursive-descent parser that emits postfix code into a {@link Program} as it goes.
 *
 * <pre>
 * expr    := term (('+' | '-') term)*
 * term    := unary (('*' | '/') unary)*
 * unary   := ('-' | '+') unary | power
 * power   := primary (('^' | '**') unary)?          right-associative; -2^2 = -(2^2); 2^-1 allowed
 * primary := number | 'pi' | 'e' | name | 'x' '[' digits ']'
 *          | function '(' expr (',' expr)* ')' | '(' expr ')'
 * </pre>
 *
 * Recursion is bounded: every entry into {@code unary} (one per parenthesis, unary sign or
 * exponent level) counts one nesting level, and more than {@link Expression#MAX_DEPTH} levels is an
 * {@link ExpressionException}, checked before recursing, so no input can overflow a normal stack
 * (256 levels need about 300 KiB when interpreted, less once compiled; the default is 1 MiB). On a
 * thread with a smaller stack a {@link StackOverflowError} is turned into an ExpressionException.
 * Left-associative chains ({@code a + b + c ...}) are loops and do not nest.
 */
final class Parser {
    private final String text;
    private final Lexer lexer;
    private final Program program = new Program();
    private Token token;
    private int depth;

    private Parser(String text) {
        this.text = text;
        this.lexer = new Lexer(text);
    }

    /** Parses {@code text} into a finished program; throws {@link ExpressionException}. */
    static Program parse(String text) {
        if (text.length() > Expression.MAX_LENGTH) {
            throw new ExpressionException("expression too long: " + text.length()
                + " characters (limit " + Expression.MAX_LENGTH + ") at column "
                + (Expression.MAX_LENGTH + 1), text, Expression.MAX_LENGTH + 1);
        }
        if (text.isBlank()) {
            throw new ExpressionException("empty expression at column 1", text, 1);
        }
        Parser p = new Parser(text);
        try {
            p.advance();
            p.expr();
        } catch (StackOverflowError e) {
            // Only on threads with a tiny stack: 256 levels need about 300 KiB when interpreted.
            // The parser holds no locks and shares no state, so recovering here is safe.
            throw p.error("expression nested too deeply for this thread's stack at column "
                + p.token.column(), p.token.column());
        }
        if (p.token.kind() != END) {
            if (p.token.kind() == RPAREN) {
                throw p.error("unmatched ')' at column " + p.token.column(), p.token.column());
            }
            throw p.unexpected(p.token.startsOperand() ? " (missing operator?)" : "");
        }
        p.program.finish();
        return p.program;
    }

    private void advance() {
        token = lexer.next();
    }

    private void expr() {
        term();
        while (token.kind() == PLUS || token.kind() == MINUS) {
            int code = token.kind() == PLUS ? Op.ADD : Op.SUB;
            advance();
            term();
            program.emit(code);
        }
    }

    private void term() {
        unary();
        while (token.kind() == STAR || token.kind() == SLASH) {
            int code = token.kind() == STAR ? Op.MUL : Op.DIV;
            advance();
            unary();
            program.emit(code);
        }
    }

    private void unary() {
        if (++depth > Expression.MAX_DEPTH) {
            throw error("nesting deeper than " + Expression.MAX_DEPTH + " levels at column "
                + token.column(), token.column());
        }
        if (token.kind() == MINUS) {
            advance();
            unary();
            program.emit(Op.NEG);
        } else if (token.kind() == PLUS) {
            advance();
            unary();
        } else {
            power();
        }
        depth--;
    }

    private void power() {
        primary();
        if (token.kind() == CARET) {
            advance();
            unary();
            program.emit(Op.POW);
        }
    }

    private void primary() {
        Token t = token;
        switch (t.kind()) {
            case NUMBER:
                advance();
                program.emitConst(t.number(), CanonicalText.number(t.number()));
                return;
            case LPAREN:
                advance();
                expr();
                close(t);
                return;
            case IDENT:
                advance();
                identifier(t);
                return;
            default:
                throw unexpected("");
        }
    }

    /** After an identifier {@code name}: a call, a constant, an indexed {@code x[i]} or a variable. */
    private void identifier(Token name) {
        String s = name.text();
        Integer function = Op.FUNCTIONS.get(s);
        if (token.kind() == LPAREN) {
            if (function == null) {
                if (s.equals("pi") || s.equals("e")) {
                    throw error("constant '" + s + "' cannot be called at column " + name.column(),
                        name.column());
                }
                throw error("unknown function '" + s + "' at column " + name.column() + " (known: "
                    + Op.knownFunctions() + ")", name.column());
            }
            call(name, function);
            return;
        }
        if (function != null) {
            throw error("expected '(' after '" + s + "' at column " + token.column() + ", got "
                + token.quoted(), token.column());
        }
        if (s.equals("pi")) {
            program.emitConst(Math.PI, "pi");
            return;
        }
        if (s.equals("e")) {
            program.emitConst(Math.E, "e");
            return;
        }
        if (token.kind() == LBRACKET) {
            if (!s.equals("x")) {
                throw unexpected(" (only x can be indexed, as x[0])");
            }
            Token open = token;
            advance();
            Token index = token;
            if (index.kind() != NUMBER || !index.text().chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw error("expected an integer index in x[...] at column " + index.column() + ", got "
                    + index.quoted(), index.column());
            }
            if (index.text().length() > 1 && index.text().charAt(0) == '0') {
                throw error("bad index '" + index.text() + "' at column " + index.column()
                    + " (leading zero)", index.column());
            }
            advance();
            if (token.kind() != RBRACKET) {
                if (token.kind() == END) {
                    throw error("missing ']' at column " + token.column() + " for '[' opened at column "
                        + open.column(), token.column());
                }
                throw unexpected(" (expected ']' for '[' opened at column " + open.column() + ")");
            }
            advance();
            program.emitVar("x" + index.text());
            return;
        }
        if (Program.isIndexed(s) && s.charAt(1) == '0' && s.length() > 2) {
            throw error("bad variable name '" + s + "' at column " + name.column()
                + " (leading zero; write x" + s.substring(2).replaceFirst("^0+(?=.)", "") + ")",
                name.column());
        }
        program.emitVar(s);
    }

    private void call(Token name, int function) {
        Token open = token;
        advance();
        int args = 0;
        if (token.kind() != RPAREN) {
            expr();
            args++;
            while (token.kind() == COMMA) {
                advance();
                expr();
                args++;
            }
        }
        close(open);
        int expected = Op.arity(function);
        if (args != expected) {
            throw error(name.text() + " takes " + expected + (expected == 1 ? " argument" : " arguments")
                + ", got " + args + " at column " + name.column(), name.column());
        }
        program.emit(function);
    }

    /** Consumes the ')' matching {@code open}. */
    private void close(Token open) {
        if (token.kind() == RPAREN) {
            advance();
            return;
        }
        if (token.kind() == END) {
            throw error("missing ')' at column " + token.column() + " for '(' opened at column "
                + open.column(), token.column());
        }
        throw unexpected(token.startsOperand() ? " (missing operator?)"
            : " (expected ')' for '(' opened at column " + open.column() + ")");
    }

    private ExpressionException unexpected(String suffix) {
        return error("unexpected " + token.quoted() + " at column " + token.column() + suffix,
            token.column());
    }

    private ExpressionException error(String message, int column) {
        return new ExpressionException(message, text, column);
    }
}

namespace QueryServiceOrm.Sandbox.Sql.Lexing;

/// <summary>
/// Splits SQL text into tokens by Spark SQL's lexical rules: back-quoted identifiers (<c>``</c> inside), strings with
/// backslash escapes (<c>\'</c>, <c>\\</c>, <c>\n</c>, <c>\uXXXX</c>, octal <c>\ooo</c>) and raw strings (<c>r'...'</c>),
/// nested bracketed comments, numbers with Spark's suffixes, and words that start with a digit (<c>1stVisit</c>). Double quotes
/// make identifiers, as Adobe documents for Query Service (in Spark itself they make strings). A <c>#</c> outside strings and
/// comments is a saved-template reference on the service, which the sandbox has none of.
/// </summary>
internal sealed class SparkLexer
{
    private const string Symbols3 = "<=>";
    private static readonly string[] Symbols2 = ["==", "<>", "!=", "<=", ">=", "||", "->", "=>", "::", "!<", "!>", "$$"];
    private const string Symbols1 = "=<>+-*/%~&|^!:;,.()[]{}?";

    private readonly string _text;
    private int _position;

    private SparkLexer(string text) => _text = text;

    /// <summary>The tokens of a text, ending with an <see cref="TokenKind.End"/> token.</summary>
    public static List<SqlToken> Tokenize(string text)
    {
        var lexer = new SparkLexer(text);
        var tokens = new List<SqlToken>();
        while (true)
        {
            var space = lexer.SkipSpaceAndComments();
            var token = lexer.Next(space);
            tokens.Add(token);
            if (token.Kind == TokenKind.End)
            {
                return tokens;
            }
        }
    }

    private bool SkipSpaceAndComments()
    {
        var start = _position;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (char.IsWhiteSpace(c))
            {
                _position++;
            }
            else if (c == '-' && Peek(1) == '-')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else if (c == '/' && Peek(1) == '*')
            {
                SkipBracketedComment();
            }
            else
            {
                break;
            }
        }

        return _position > start;
    }

    // Spark's bracketed comments nest.
    private void SkipBracketedComment()
    {
        var start = _position;
        var depth = 0;
        while (_position < _text.Length)
        {
            if (_text[_position] == '/' && Peek(1) == '*')
            {
                depth++;
                _position += 2;
            }
            else if (_text[_position] == '*' && Peek(1) == '/')
            {
                depth--;
                _position += 2;
                if (depth == 0)
                {
                    return;
                }
            }
            else
            {
                _position++;
            }
        }

        throw Error(start, "Unclosed comment: a /* has no matching */.");
    }

    private SqlToken Next(bool space)
    {
        if (_position >= _text.Length)
        {
            return new SqlToken(TokenKind.End, "", "", _text.Length, space);
        }

        var start = _position;
        var c = _text[_position];
        return c switch
        {
            '\'' => String(start, space, raw: false),
            ('r' or 'R') when Peek(1) == '\'' => String(start + 1, space, raw: true),
            '`' => Quoted(start, space, '`'),
            '"' => Quoted(start, space, '"'),
            '#' => throw TemplateReference(start),
            '$' when char.IsAsciiDigit(Peek(1)) => Parameter(start, space),
            '$' when Peek(1) == '$' => DollarBlock(start, space),
            '@' when IsWordChar(Peek(1)) => Variable(start, space),
            _ when char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1))) => NumberOrWord(start, space),
            _ when IsWordChar(c) => Word(start, space),
            _ => Symbol(start, space),
        };
    }

    private SqlToken Word(int start, bool space)
    {
        while (_position < _text.Length && IsWordChar(_text[_position]))
        {
            _position++;
        }

        var text = _text[start.._position];
        return new SqlToken(TokenKind.Word, text, text, start, space);
    }

    // Spark: a run of letters, digits and underscores starting with a digit is a word unless a number literal covers all of
    // it (10L, 1e5); a literal with a decimal point must not be followed by a letter, digit or underscore.
    private SqlToken NumberOrWord(int start, bool space)
    {
        var wordEnd = start;
        while (wordEnd < _text.Length && IsWordChar(_text[wordEnd]))
        {
            wordEnd++;
        }

        var (numberEnd, digitsEnd, hasDot) = ScanNumber(start);
        if (!hasDot && wordEnd > numberEnd)
        {
            _position = wordEnd;
            var word = _text[start..wordEnd];
            return new SqlToken(TokenKind.Word, word, word, start, space);
        }

        if (numberEnd < _text.Length && IsWordChar(_text[numberEnd]))
        {
            if (_text[start] == '.')
            {
                _position = start + 1;
                return new SqlToken(TokenKind.Symbol, ".", ".", start, space);
            }

            throw Error(start, $"Invalid number '{_text[start..Math.Min(_text.Length, numberEnd + 1)]}'.");
        }

        _position = numberEnd;
        return new SqlToken(TokenKind.Number, _text[start..numberEnd], _text[start..digitsEnd], start, space);
    }

    // The end of the number literal at start (suffix included), the end of its digits, and whether it has a decimal point.
    private (int End, int DigitsEnd, bool HasDot) ScanNumber(int start)
    {
        var i = start;
        while (i < _text.Length && char.IsAsciiDigit(_text[i]))
        {
            i++;
        }

        var hasDot = false;
        if (i < _text.Length && _text[i] == '.')
        {
            hasDot = true;
            i++;
            while (i < _text.Length && char.IsAsciiDigit(_text[i]))
            {
                i++;
            }
        }

        if (i < _text.Length && _text[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < _text.Length && _text[j] is '+' or '-')
            {
                j++;
            }

            if (j < _text.Length && char.IsAsciiDigit(_text[j]))
            {
                while (j < _text.Length && char.IsAsciiDigit(_text[j]))
                {
                    j++;
                }

                i = j;
            }
        }

        var digitsEnd = i;
        var rest = _text.AsSpan(i);
        if (rest.StartsWith("BD", StringComparison.OrdinalIgnoreCase))
        {
            i += 2;
        }
        else if (rest.Length > 0 && "LSYFDlsyfd".Contains(rest[0], StringComparison.Ordinal))
        {
            // L, S and Y suffixes make integers only.
            if (!(char.ToUpperInvariant(rest[0]) is 'L' or 'S' or 'Y') || _text.AsSpan(start, digitsEnd - start).IndexOfAny(".eE") < 0)
            {
                i++;
            }
        }

        return (i, digitsEnd, hasDot);
    }

    private SqlToken String(int start, bool space, bool raw)
    {
        var tokenStart = raw ? start - 1 : start;
        _position = start + 1;
        var value = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error(tokenStart, "Unclosed string: a ' has no matching quote.");
            }

            var c = _text[_position++];
            if (c == '\'')
            {
                break;
            }

            if (c == '\\')
            {
                if (_position >= _text.Length)
                {
                    throw Error(tokenStart, "Unclosed string: it ends with a backslash.");
                }

                if (raw)
                {
                    // Raw strings keep the backslash, but an escaped quote still does not end them.
                    value.Append(c).Append(_text[_position++]);
                    continue;
                }

                Unescape(value);
                continue;
            }

            value.Append(c);
        }

        return new SqlToken(TokenKind.String, _text[tokenStart.._position], value.ToString(), tokenStart, space);
    }

    // Spark's unescapeSQLString: \uXXXX, octal \ooo, \0 \b \n \r \t \Z, \% and \_ kept with their backslash (for LIKE), any
    // other character stands for itself.
    private void Unescape(StringBuilder value)
    {
        var c = _text[_position];
        if (c == 'u' && _position + 4 < _text.Length && IsHex(_text.AsSpan(_position + 1, 4)))
        {
            value.Append((char)int.Parse(_text.AsSpan(_position + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            _position += 5;
            return;
        }

        if (_position + 2 < _text.Length
            && c is >= '0' and <= '3'
            && _text[_position + 1] is >= '0' and <= '7'
            && _text[_position + 2] is >= '0' and <= '7')
        {
            value.Append((char)(((c - '0') * 64) + ((_text[_position + 1] - '0') * 8) + (_text[_position + 2] - '0')));
            _position += 3;
            return;
        }

        _position++;
        switch (c)
        {
            case '0': value.Append('\0'); break;
            case 'b': value.Append('\b'); break;
            case 'n': value.Append('\n'); break;
            case 'r': value.Append('\r'); break;
            case 't': value.Append('\t'); break;
            case 'Z': value.Append('\u001A'); break;
            case '%': value.Append("\\%"); break;
            case '_': value.Append("\\_"); break;
            default: value.Append(c); break;
        }
    }

    private SqlToken Quoted(int start, bool space, char quote)
    {
        _position = start + 1;
        var value = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error(start, $"Unclosed identifier: a {quote} has no matching {quote}.");
            }

            var c = _text[_position++];
            if (c == quote)
            {
                if (_position < _text.Length && _text[_position] == quote)
                {
                    value.Append(quote);
                    _position++;
                    continue;
                }

                break;
            }

            value.Append(c);
        }

        if (value.Length == 0)
        {
            throw Error(start, "An identifier in quotes may not be empty.");
        }

        return new SqlToken(TokenKind.QuotedIdentifier, _text[start.._position], value.ToString(), start, space);
    }

    private SqlToken Parameter(int start, bool space)
    {
        _position = start + 1;
        while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
        {
            _position++;
        }

        return new SqlToken(TokenKind.Parameter, _text[start.._position], _text[(start + 1).._position], start, space);
    }

    private SqlToken Variable(int start, bool space)
    {
        _position = start + 1;
        while (_position < _text.Length && IsWordChar(_text[_position]))
        {
            _position++;
        }

        return new SqlToken(TokenKind.Variable, _text[start.._position], _text[(start + 1).._position], start, space);
    }

    private SqlToken DollarBlock(int start, bool space)
    {
        var end = _text.IndexOf("$$", start + 2, StringComparison.Ordinal);
        if (end < 0)
        {
            throw Error(start, "Unclosed block: a $$ has no matching $$.");
        }

        _position = end + 2;
        return new SqlToken(TokenKind.DollarBlock, _text[start.._position], _text[(start + 2)..end], start, space);
    }

    private SqlToken Symbol(int start, bool space)
    {
        if (_text.AsSpan(start).StartsWith(Symbols3, StringComparison.Ordinal))
        {
            _position = start + 3;
        }
        else if (start + 1 < _text.Length && Symbols2.Contains(_text.Substring(start, 2), StringComparer.Ordinal))
        {
            _position = start + 2;
        }
        else if (Symbols1.Contains(_text[start], StringComparison.Ordinal))
        {
            _position = start + 1;
        }
        else
        {
            throw Error(start, $"Unexpected character '{_text[start]}'.");
        }

        var text = _text[start.._position];
        return new SqlToken(TokenKind.Symbol, text, text, start, space);
    }

    private char Peek(int offset) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || (c > 127 && char.IsLetterOrDigit(c));

    private static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private ServiceErrorException TemplateReference(int start)
    {
        var end = start + 1;
        while (end < _text.Length && IsWordChar(_text[end]))
        {
            end++;
        }

        return new ServiceErrorException(ServiceRules.TemplateReference(_text[start..end]));
    }

    private static ServiceErrorException Error(int position, string message) => new(ServiceRules.SyntaxError(message, position));
}

/**
 * Translates an XML Schema regular expression into an anchored ECMAScript one.
 *
 * XSD patterns always match the whole value, `^`/`$` are plain characters,
 * `.` excludes only CR and LF, and `\s` is just space, tab, CR and LF: each
 * differs from JavaScript, so a pattern copied verbatim would accept values
 * that xmllint rejects (a no-break space counts as content in XSD).
 */
export function xsdPatternToEcma(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      const next = pattern[i + 1];
      i++;
      switch (next) {
        case 's':
          out += inClass ? ' \\t\\n\\r' : '[ \\t\\n\\r]';
          break;
        case 'S':
          if (inClass) throw new Error(`\\S inside a character class is not supported: ${pattern}`);
          out += '[^ \\t\\n\\r]';
          break;
        case 'd':
          out += inClass ? '\\p{Nd}' : '\\p{Nd}';
          break;
        case 'D':
          if (inClass) throw new Error(`\\D inside a character class is not supported: ${pattern}`);
          out += '\\P{Nd}';
          break;
        case 'i':
        case 'I':
        case 'c':
        case 'C':
        case 'w':
        case 'W':
          throw new Error(`XSD escape \\${next} is not supported: ${pattern}`);
        case undefined:
          throw new Error(`Dangling backslash in pattern: ${pattern}`);
        default:
          out += '\\' + next;
      }
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
      continue;
    }
    switch (ch) {
      case '[':
        inClass = true;
        out += ch;
        if (pattern[i + 1] === '^') {
          out += '^';
          i++;
        }
        break;
      case '.':
        out += '[^\\n\\r]';
        break;
      case '^':
      case '$':
        out += '\\' + ch;
        break;
      default:
        out += ch;
    }
  }
  return `^(?:${out})$`;
}

/** Compiles an XSD pattern to a RegExp with the same whole-value semantics. */
export function compileXsdPattern(pattern: string): RegExp {
  return new RegExp(xsdPatternToEcma(pattern), 'u');
}

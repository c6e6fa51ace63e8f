using System.Text;

namespace Containers.Compose
{
    /// <summary>
    /// A command written as one string (<c>command: echo "hello world"</c>) split into arguments as compose does, by POSIX
    /// shell quoting: blanks separate words, single quotes keep everything, double quotes keep all but <c>\"</c>,
    /// <c>\\</c>, <c>\$</c> and <c>\`</c>, and a backslash outside quotes keeps the next character. Nothing is expanded.
    /// </summary>
    internal static class ShellWords
    {
        /// <summary>The words; null when a quote is never closed.</summary>
        public static List<string>? Split(string text)
        {
            var words = new List<string>();
            var word = new StringBuilder();
            bool inWord = false;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
                {
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }

                    continue;
                }

                inWord = true;
                if (c == '\\' && i + 1 < text.Length)
                {
                    word.Append(text[++i]);
                }
                else if (c == '\'')
                {
                    int close = text.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        return null;
                    }

                    word.Append(text, i + 1, close - i - 1);
                    i = close;
                }
                else if (c == '"')
                {
                    i++;
                    while (i < text.Length && text[i] != '"')
                    {
                        if (text[i] == '\\' && i + 1 < text.Length && "\"\\$`".IndexOf(text[i + 1]) >= 0)
                        {
                            i++;
                        }

                        word.Append(text[i]);
                        i++;
                    }

                    if (i >= text.Length)
                    {
                        return null;
                    }
                }
                else
                {
                    word.Append(c);
                }
            }

            if (inWord)
            {
                words.Add(word.ToString());
            }

            return words;
        }
    }
}

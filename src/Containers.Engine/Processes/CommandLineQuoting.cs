using System.Text;

namespace Containers.Engine.Processes
{
    /// <summary>
    /// Joins arguments into the one string netstandard2.0's ProcessStartInfo takes (it has no ArgumentList). .NET splits
    /// that string with the Windows rules on every platform, so quoting by those rules gives the program exactly these
    /// arguments: quotes around anything with spaces or quotes, a quote escaped by a backslash, backslashes doubled only
    /// before a quote.
    /// </summary>
    internal static class CommandLineQuoting
    {
        public static string Join(IEnumerable<string> arguments) => string.Join(" ", arguments.Select(Quote));

        public static string Quote(string argument)
        {
            if (argument.Length > 0 && argument.All(c => !char.IsWhiteSpace(c) && c != '"'))
            {
                return argument;
            }

            var quoted = new StringBuilder("\"");
            int backslashes = 0;
            foreach (char c in argument)
            {
                if (c == '\\')
                {
                    backslashes++;
                    continue;
                }

                quoted.Append('\\', c == '"' ? (backslashes * 2) + 1 : backslashes);
                backslashes = 0;
                quoted.Append(c);
            }

            quoted.Append('\\', backslashes * 2);
            return quoted.Append('"').ToString();
        }
    }
}

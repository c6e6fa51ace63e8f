using System.Management.Automation.Language;
using Containers.Completion;

namespace Containers.PowerShell.Completers
{
    /// <summary>
    /// The values already typed for the parameter being completed (-Name a, b, &lt;Tab&gt;), read from the command's
    /// syntax tree, so a completer does not offer them again. The word being completed is not one of them.
    /// </summary>
    internal static class TypedArguments
    {
        public static IReadOnlyCollection<string> Of(CommandAst? command, string parameterName, string? wordToComplete)
        {
            if (command == null)
            {
                return Array.Empty<string>();
            }

            List<string> typed = ArgumentOf(command, parameterName)
                .SelectMany(element => element.FindAll(ast => ast is StringConstantExpressionAst, true).Cast<StringConstantExpressionAst>())
                .Select(constant => constant.Value)
                .ToList();

            // The word under the cursor is in the tree too; it is being completed, not typed.
            typed.Remove(TypedWord.Parse(wordToComplete).Text);
            return typed;
        }

        // The elements after -Name (or -Name:value), up to the next parameter; without -Name, the ones before the first
        // parameter (the parameter taken by position).
        private static IEnumerable<Ast> ArgumentOf(CommandAst command, string parameterName)
        {
            IReadOnlyList<CommandElementAst> elements = command.CommandElements.Skip(1).ToList();
            int start = -1;
            for (int i = 0; i < elements.Count; i++)
            {
                if (elements[i] is CommandParameterAst parameter
                    && parameter.ParameterName.Length > 0
                    && parameterName.StartsWith(parameter.ParameterName, StringComparison.OrdinalIgnoreCase))
                {
                    if (parameter.Argument != null)
                    {
                        return new[] { parameter.Argument };
                    }

                    start = i + 1;
                    break;
                }
            }

            return elements.Skip(start < 0 ? 0 : start).TakeWhile(element => !(element is CommandParameterAst));
        }
    }
}

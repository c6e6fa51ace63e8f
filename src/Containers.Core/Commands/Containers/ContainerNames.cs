using System.Text.RegularExpressions;
using Containers.Errors;

namespace Containers.Commands.Containers
{
    /// <summary>The engine's rule for container names, checked before anything is sent.</summary>
    public static class ContainerNames
    {
        private static readonly Regex Valid = new Regex("^/?[a-zA-Z0-9][a-zA-Z0-9_.-]*$", RegexOptions.CultureInvariant);

        public static string Validate(string name, string parameterName)
        {
            if (name == null || !Valid.IsMatch(name))
            {
                throw new InvalidParameterException(parameterName, name,
                    $"The container name '{name}' is not valid: use letters, digits, '_', '.' and '-', starting with a letter or digit.");
            }

            return name.TrimStart('/');
        }
    }
}

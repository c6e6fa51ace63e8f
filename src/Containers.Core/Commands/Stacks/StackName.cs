using System.Text.RegularExpressions;
using Containers.Errors;

namespace Containers.Commands.Stacks
{
    /// <summary>
    /// A stack's name, checked before anything is read or made. docker stack deploy only refuses an empty name and leaves
    /// the rest to the swarm, which then refuses STACK_service half-way through a deploy; here a name that would not make
    /// valid swarm names (letters and digits, with '-' or '_' between them) is refused first.
    /// </summary>
    public static class StackName
    {
        private static readonly Regex Valid = new Regex(@"^[A-Za-z0-9]+(?:[-_]+[A-Za-z0-9]+)*$", RegexOptions.CultureInvariant);

        /// <summary>The swarm's limit on a service's name, less the shortest service part ("_a").</summary>
        private const int MaxLength = 61;

        public static void Validate(string? name, string parameterName = "Name")
        {
            if (string.IsNullOrWhiteSpace(name) || !Valid.IsMatch(name) || name!.Length > MaxLength)
            {
                throw new InvalidParameterException(parameterName, name,
                    $"'{name}' is not a valid stack name: use letters and digits, with '-' or '_' between them, at most {MaxLength} characters (the stack's services are named STACK_service).");
            }
        }
    }
}

using System.Text.RegularExpressions;
using Containers.Engine.Errors;
using Containers.Output;

namespace Containers.Errors
{
    /// <summary>
    /// A swarm manager refuses to remove a secret or config a service uses with "secret 'NAME' is in use by the following
    /// service: A" (services: "A, B"), an InvalidArgument that dockerd 20.10 answers as 400. It becomes SecretInUse or
    /// ConfigInUse (ResourceBusy), naming the services.
    /// </summary>
    public static class SwarmDataInUse
    {
        private static readonly Regex Refusal = new Regex(@"\b(secret|config) '([^']*)' is in use by the following services?: (.+)$", RegexOptions.CultureInvariant);

        public static bool Matches(string message) => Refusal.IsMatch(message);

        public static CommandError Describe(EngineBadRequestException refusal, object? target)
        {
            Match match = Refusal.Match(refusal.Message);
            string noun = match.Groups[1].Value;
            string[] services = match.Groups[3].Value.Split(new[] { ", " }, StringSplitOptions.RemoveEmptyEntries);
            string users = (services.Length == 1 ? "service " : "services ") + string.Join(", ", services.Select(service => "'" + service.Trim() + "'"));
            return new CommandError(
                char.ToUpperInvariant(noun[0]) + noun.Substring(1) + "InUse",
                ErrorKind.ResourceBusy,
                $"The {noun} '{match.Groups[2].Value}' is in use by {users} and was not removed.",
                target,
                refusal,
                $"Remove the {noun} from the services first (Set-ContainerService), or remove the services (Remove-ContainerService).");
        }
    }
}

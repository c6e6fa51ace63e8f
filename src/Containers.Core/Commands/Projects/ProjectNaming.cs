using System.Globalization;

namespace Containers.Commands.Projects
{
    /// <summary>Compose v2's container names: PROJECT-SERVICE-NUMBER (docker-compose 1.29 writes PROJECT_SERVICE_NUMBER).</summary>
    public static class ProjectNaming
    {
        public static string ContainerName(string project, string service, int number) =>
            project + "-" + service + "-" + number.ToString(CultureInfo.InvariantCulture);
    }
}

using Containers.Engine.Http;
using Containers.Engine.Streams;

namespace Containers.Engine.Endpoints
{
    public sealed partial class ServicesEndpoint
    {
        /// <summary>
        /// Opens the logs of every task of a service, as one stream: framed (stdout/stderr headers) unless the service's
        /// tasks have a TTY, which is what <paramref name="tty"/> says (its <c>ContainerSpec.TTY</c>). With
        /// <paramref name="details"/> each line starts with the task's context (<c>com.docker.swarm.node.id=...,
        /// com.docker.swarm.service.id=...,com.docker.swarm.task.id=...</c> and a space), after the timestamp when
        /// timestamps are asked for. Reads as the container log stream does (see <see cref="ContainersEndpoint.LogsAsync"/>).
        /// </summary>
        public Task<MultiplexedStreamReader> LogsAsync(string idOrName, ContainerLogsParameters parameters, bool tty, bool details, CancellationToken cancellationToken = default)
        {
            EngineRequest request = Request("GET", idOrName, "logs");
            request.Query.AddFlag("stdout", parameters.Stdout).AddFlag("stderr", parameters.Stderr).AddFlag("follow", parameters.Follow)
                .AddFlag("timestamps", parameters.Timestamps).AddFlag("details", details).Add("since", parameters.Since)
                .Add("tail", parameters.Tail?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all");
            request.Timeout = ResponseTimeout.None;
            request.ReadBodyOnDedicatedBlockingConnection = true;
            return _client.SendForOutputAsync(request, tty, cancellationToken);
        }
    }
}

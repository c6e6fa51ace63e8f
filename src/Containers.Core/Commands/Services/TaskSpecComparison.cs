using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Containers.Engine.Models;

namespace Containers.Commands.Services
{
    /// <summary>
    /// Whether a task runs what its service now asks for, as the swarm decides when it replaces tasks: the task's spec
    /// (a copy of the service's task template when it was made) against the service's, placement left out (a task whose
    /// node still meets new constraints is kept; one whose node does not is replaced and shuts down), and the runtime
    /// (the engine names it for a service, never for a task).
    /// </summary>
    internal static class TaskSpecComparison
    {
        private static readonly JsonSerializerOptions Options = new JsonSerializerOptions { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

        public static bool RunsCurrentSpec(TaskSpec? task, TaskSpec service) => task != null && Text(task) == Text(service);

        /// <summary>A part of a spec as the engine would be sent it, to tell whether it changed.</summary>
        public static string Text<T>(T? part) where T : class => JsonSerializer.Serialize(part, Options);

        private static string Text(TaskSpec spec)
        {
            JsonObject node = JsonSerializer.SerializeToNode(spec, Options)!.AsObject();
            node.Remove("Placement");
            node.Remove("Runtime");
            return node.ToJsonString();
        }
    }
}

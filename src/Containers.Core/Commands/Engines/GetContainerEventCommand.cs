using System.Collections;
using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Engine.Streams;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.Text;

namespace Containers.Commands.Engines
{
    /// <summary>
    /// Get-ContainerEvent: docker events as objects. Without -Follow it returns the events of a window that has ended
    /// (until now unless -Until says otherwise) and stops; with -Follow it goes on with new events until stopped or
    /// until -Until passes.
    /// </summary>
    public sealed class GetContainerEventCommand
    {
        /// <summary>The filter names the engine knows for events (docker events --filter), so a misspelt one is an error rather than no events.</summary>
        public static readonly IReadOnlyList<string> FilterNames = new[]
        {
            "config", "container", "daemon", "event", "image", "label", "network", "node", "plugin", "scope", "secret", "service", "type", "volume",
        };

        /// <summary>From when: a DateTime, a date text, a TimeSpan or duration back from now ("10m"). Without it: the events the engine still keeps.</summary>
        public object? Since { get; set; }

        /// <summary>Up to when, in the same forms. Without it: now, unless following.</summary>
        public object? Until { get; set; }

        /// <summary>Go on with new events as they happen.</summary>
        public bool Follow { get; set; }

        /// <summary>The engine's event filters (type, event, container, image, label, ...): each value a string or a list of strings.</summary>
        public IDictionary? Filter { get; set; }

        /// <summary>Only events of these containers (names or ids), as the container filter.</summary>
        public IReadOnlyList<string>? Container { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            EventsParameters parameters = BuildParameters(DateTime.Now);
            output.WriteVerbose(Follow && parameters.Until == null
                ? $"Following the events of {engine.Name} until stopped."
                : $"Reading the events of {engine.Name} up to {(Until == null && !Follow ? "now" : "-Until")}.");
            using JsonValueReader<EventMessage> reader = await engine.Client.System.EventsAsync(parameters, cancellationToken);
            for (EventMessage? message = await reader.ReadAsync(cancellationToken); message != null; message = await reader.ReadAsync(cancellationToken))
            {
                output.WriteObject(ContainerEvent.FromMessage(message, engine));
            }
        }

        /// <summary>The query, checked before anything is sent.</summary>
        /// <exception cref="InvalidParameterException">A filter name the engine does not know, a time that does not parse, or -Since after -Until.</exception>
        public EventsParameters BuildParameters(DateTime now)
        {
            var parameters = new EventsParameters();
            if (Filter != null)
            {
                foreach (object? key in Filter.Keys)
                {
                    string name = key?.ToString() ?? string.Empty;
                    if (!FilterNames.Contains(name, StringComparer.Ordinal))
                    {
                        throw new InvalidParameterException("Filter", key,
                            $"'{name}' is not an event filter. Use one of: {string.Join(", ", FilterNames)}.");
                    }
                }

                FilterArguments.AddTable(parameters.Filters, Filter);
            }

            foreach (string container in Container ?? Array.Empty<string>())
            {
                if (string.IsNullOrWhiteSpace(container))
                {
                    throw new InvalidParameterException("Container", container, "A container name or id is empty.");
                }

                // The engine matches the filter against the name without the slash it keeps in front of names.
                parameters.Filters.Add("container", container.TrimStart('/'));
            }

            DateTime? since = Since == null ? null : TimeArgument.ToDateTime(Since, "Since", now);
            // Without -Follow the window ends now: the engine would otherwise keep the stream open for new events.
            DateTime? until = Until != null ? TimeArgument.ToDateTime(Until, "Until", now) : Follow ? null : now;
            if (since.HasValue && until.HasValue && since.Value.ToUniversalTime() > until.Value.ToUniversalTime())
            {
                throw new InvalidParameterException("Since", Since, $"-Since ({since.Value:o}) is after -Until ({until.Value:o}): no event can lie between them.");
            }

            parameters.Since = since.HasValue ? TimeArgument.ToEngineTime(since.Value) : null;
            parameters.Until = until.HasValue ? TimeArgument.ToEngineTime(until.Value) : null;
            return parameters;
        }
    }
}

using Containers.Engine.Configuration;
using Containers.Models;

namespace Containers.EngineSelection
{
    /// <summary>
    /// How -WhatIf and -Confirm name what a command would act on: "container 'web'", followed by " on ENGINE" unless the
    /// engine is the platform default, so that a command over another engine, or over several, says which one it means.
    /// </summary>
    public static class WhatIfTarget
    {
        /// <param name="target">What is acted on, as the user would say it: "container 'web'", "build context '/src'".</param>
        public static string On(ContainerEngine engine, string target) =>
            engine.Source == EngineSources.Default ? target : target + " on " + engine.Name;
    }
}

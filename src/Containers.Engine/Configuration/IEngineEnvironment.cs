namespace Containers.Engine.Configuration
{
    /// <summary>
    /// What engine resolution reads from outside: environment variables and the user's home folder. Behind an interface
    /// so tests can resolve against a made-up environment without changing the process's own.
    /// </summary>
    public interface IEngineEnvironment
    {
        /// <summary>The variable's value, or null when it is not set.</summary>
        string? GetVariable(string name);

        /// <summary>The user's home folder, where <c>.docker</c> lives unless DOCKER_CONFIG says otherwise.</summary>
        /// <exception cref="EngineConfigurationException">The home folder cannot be found.</exception>
        string HomeDirectory { get; }
    }
}

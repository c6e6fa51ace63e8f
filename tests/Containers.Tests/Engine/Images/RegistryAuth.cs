using System;
using System.Text;
using System.Text.Json;

namespace Containers.Tests.Engine.Images
{
    /// <summary>The X-Registry-Auth value for a user and password, as the engine reads it (base64url of JSON).</summary>
    internal static class RegistryAuth
    {
        public static string For(string user, string password, string server) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { username = user, password, serveraddress = server })))
                .Replace('+', '-').Replace('/', '_');
    }
}

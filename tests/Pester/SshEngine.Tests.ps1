#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    ssh:// engines in a real PowerShell: -Engine ssh://root@ADDRESS:2200 reaches the private engine through the test
    engine's SSH machine (its port 2200 runs docker system dial-stdio against that engine), with the ssh config file the
    test engine wrote (the machine's key and host key) named by CONTAINERS_SSH_CONFIG instead of the user's own.
#>

BeforeAll {
    $script:ownEngine = $null
    if (-not $env:CONTAINERS_TEST_REGISTRY) {
        . (Join-Path $PSScriptRoot 'Support/TestEngine.ps1')
        $script:ownEngine = Start-TestEngine -Ssh
    }
    if (-not $env:CONTAINERS_TEST_SSH_ENGINE -or -not $env:CONTAINERS_TEST_SSH_CONFIG) {
        throw 'No ssh:// engine: run these tests through ./build.ps1 -Test, whose test engine starts one (CONTAINERS_TEST_SSH_ENGINE, CONTAINERS_TEST_SSH_CONFIG).'
    }
    $modulePath = if ($env:CONTAINERS_MODULE_PATH) { $env:CONTAINERS_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Containers/Containers.psd1' }
    Import-Module $modulePath -Force
    $script:image = if ($env:CONTAINERS_TEST_IMAGE) { $env:CONTAINERS_TEST_IMAGE } else { 'localhost/containers-test/busybox:latest' }
    $script:prefix = 'pester-ssh-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:savedSshConfig = $env:CONTAINERS_SSH_CONFIG
    $env:CONTAINERS_SSH_CONFIG = $env:CONTAINERS_TEST_SSH_CONFIG
    $script:ssh = $env:CONTAINERS_TEST_SSH_ENGINE
}

AfterAll {
    Get-Container -All -Name "$script:prefix*" | Remove-Container -Force -Confirm:$false
    $env:CONTAINERS_SSH_CONFIG = $script:savedSshConfig
    if ($script:ownEngine) { Stop-TestEngine -Process $script:ownEngine }
}

Describe 'An ssh:// engine' {
    It 'lists the containers of the engine behind the SSH host' {
        $made = New-Container -Image $script:image -Name "$script:prefix-a" -Command sleep, 300
        $listed = Get-Container -Engine $script:ssh -All -Name "$script:prefix-a"
        $listed.Id | Should -Be $made.Id
        (Get-ContainerEngine -Engine $script:ssh).ApiVersion | Should -Be (Get-ContainerEngine).ApiVersion
    }

    It 'runs a container and returns its output and exit code over ssh' {
        $output = Invoke-ContainerImage -Engine $script:ssh -Image $script:image -Name "$script:prefix-run" -Command sh, -c, 'echo over ssh; exit 4' -Remove -ErrorAction SilentlyContinue -ErrorVariable failed
        $output | Should -Be 'over ssh'
        $LASTEXITCODE | Should -Be 4
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ContainerExitedWithError*'
    }

    It 'refuses a host missing from known_hosts with a connection error naming it' {
        $config = Join-Path ([System.IO.Path]::GetTempPath()) "$script:prefix-unknown"
        Set-Content -Path $config -Value ((Get-Content $env:CONTAINERS_TEST_SSH_CONFIG) -replace 'UserKnownHostsFile .*', 'UserKnownHostsFile /dev/null')
        try {
            $env:CONTAINERS_SSH_CONFIG = $config
            # Another address form of the same engine, so that no kept-alive connection of the tests above is reused.
            $address = $script:ssh -replace '^ssh://root@', 'ssh://'
            $failed = { Get-Container -Engine $address } | Should -Throw -PassThru
            $failed.FullyQualifiedErrorId | Should -BeLike 'EngineUnreachable*'
            $failed.CategoryInfo.Category | Should -Be 'ConnectionError'
            $failed.Exception.Message | Should -BeLike "*$address*is not in known_hosts*"
        }
        finally {
            $env:CONTAINERS_SSH_CONFIG = $env:CONTAINERS_TEST_SSH_CONFIG
            Remove-Item $config
        }
    }
}

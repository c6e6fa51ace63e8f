#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    One command across several engines, as a person types it: the run's engine and one more, both private, and an engine
    that is not there.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEngine.ps1')
    $script:ownEngine = $null
    if (-not $env:CONTAINERS_TEST_REGISTRY) {
        $script:ownEngine = Start-TestEngine
    }
    $script:second = Start-TestEngine -Another
    $script:modulePath = if ($env:CONTAINERS_MODULE_PATH) { $env:CONTAINERS_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Containers/Containers.psd1' }
    Import-Module $script:modulePath -Force
    $script:image = if ($env:CONTAINERS_TEST_IMAGE) { $env:CONTAINERS_TEST_IMAGE } else { 'localhost/containers-test/busybox:latest' }
    $script:prefix = 'pester-fleet-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:A = $env:DOCKER_HOST
    $script:B = $script:second.Settings.DOCKER_HOST
    $script:dead = 'unix:///tmp/cte-pester-no-engine.sock'
}

AfterAll {
    Get-Container -All -Name "$script:prefix*" -Engine $script:A, $script:B | Remove-Container -Force -Confirm:$false
    Stop-TestEngine -Process $script:second
    if ($script:ownEngine) { Stop-TestEngine -Process $script:ownEngine }
}

Describe 'Several engines at once' {
    It 'creates, starts and lists a container on each engine, each object with its engine' {
        New-Container -Image $image -Name "$prefix-web" -Command sleep, 300 -Engine $A, $B | Start-Container
        $web = Get-Container -Name "$prefix-web" -Engine $A, $B
        $web.Count | Should -Be 2
        ($web.Engine.Uri | Sort-Object) | Should -Be (@($A, $B) | Sort-Object)
        $web.State | Should -Be 'running', 'running'
    }

    It 'stops the container by name on every engine' {
        Stop-Container -Name "$prefix-web" -Engine $A, $B -Force
        (Get-Container -All -Name "$prefix-web" -Engine $A, $B).State | Should -Be 'exited', 'exited'
    }

    It 'reports an engine that is not there once, by name, and still answers from the others' {
        $found = Get-Container -All -Name "$prefix-web" -Engine $A, $dead, $B -ErrorVariable failed -ErrorAction SilentlyContinue
        $found.Count | Should -Be 2
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'EngineUnreachable,*'
        "$($failed[0])" | Should -BeLike "Engine '$dead':*"
    }

    It 'sends piped objects back to the engine each came from' {
        Get-Container -All -Name "$prefix-web" -Engine $A, $B | Remove-Container
        @(Get-Container -All -Name "$prefix-web*" -Engine $A, $B).Count | Should -Be 0
    }
}

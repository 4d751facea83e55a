// An unchanged @smartthings/core-sdk program; only its urlProvider points at Hearth.
// Run by SmartThingsSdkClientTest: `node client.js personal` or `node client.js refresh`, with
// HEARTH_URL, TOKEN and (for refresh) REFRESH_TOKEN, CLIENT_ID, CLIENT_SECRET in the environment.
// Prints one JSON object: what each step saw.
const { SmartThingsClient, BearerTokenAuthenticator, RefreshTokenAuthenticator } = require('@smartthings/core-sdk')

const urlProvider = { baseURL: process.env.HEARTH_URL, authURL: process.env.HEARTH_URL + '/oauth/token' }

async function personal() {
    const client = new SmartThingsClient(new BearerTokenAuthenticator(process.env.TOKEN), { urlProvider })
    const out = {}
    out.locations = (await client.locations.list()).map(l => l.name)
    // max: 1 makes every device a page of its own: the SDK follows _links.next to the end.
    const devices = await client.devices.list({ max: 1 })
    out.devices = devices.map(d => d.label)
    const lamp = devices.find(d => d.label === 'Lamp')
    const kitchen = devices.find(d => d.label === 'Kitchen')
    out.switchCapable = (await client.devices.list({ capability: 'switchLevel' })).map(d => d.label)
    out.before = (await client.devices.getStatus(lamp.deviceId)).components.main.switch.switch.value
    out.results = await client.devices.executeCommand(lamp.deviceId,
        { component: 'main', capability: 'switch', command: 'on', arguments: [] })
    out.after = (await client.devices.getCapabilityStatus(lamp.deviceId, 'main', 'switch')).switch.value
    out.health = (await client.devices.getHealth(lamp.deviceId)).state
    try {
        await client.devices.executeCommand(kitchen.deviceId, { component: 'main', capability: 'switch', command: 'on' })
        out.outOfScope = 'allowed'
    } catch (error) {
        out.outOfScope = { status: error.response.status, body: error.response.data,
            wwwAuthenticate: error.response.headers['www-authenticate'] }
    }
    return out
}

async function refresh() {
    const store = {
        data: { refreshToken: process.env.REFRESH_TOKEN, clientId: process.env.CLIENT_ID,
            clientSecret: process.env.CLIENT_SECRET },
        stored: null,
        getRefreshData() { return Promise.resolve(this.data) },
        putAuthData(data) { this.stored = data; return Promise.resolve() },
    }
    const client = new SmartThingsClient(new RefreshTokenAuthenticator(process.env.TOKEN, store), { urlProvider })
    const out = {}
    // The access token has expired: the first call answers 401, the SDK refreshes and tries again.
    out.devices = (await client.devices.list()).map(d => d.label)
    out.refreshed = store.stored !== null && store.stored.authToken !== process.env.TOKEN
    out.newRefreshToken = store.stored !== null && store.stored.refreshToken !== process.env.REFRESH_TOKEN
    out.accessToken = store.stored && store.stored.authToken
    return out
}

const modes = { personal, refresh }
modes[process.argv[2]]().then(out => {
    console.log(JSON.stringify(out))
}, error => {
    console.log(JSON.stringify({ failed: error.message, status: error.response && error.response.status,
        body: error.response && error.response.data }))
    process.exitCode = 1
})

// Makes zigbee2mqtt-bridge-devices.json: bridge/devices entries as zigbee2mqtt publishes them, from
// the real definitions of zigbee-herdsman-converters (the package zigbee2mqtt itself uses).
//   npm install zigbee-herdsman-converters@26.112.0
//   node dump-zigbee2mqtt-devices.js LED1545G12 9290022166 MCCGQ11LM RTCGQ11LM YRD226HA2619 ZNCZ02LM \
//     E1757 WXKG01LM WSDCGQ11LM SJCGQ11LM
// then friendly names were given (living_room_bulb, hue_bulb, front_door, hall_motion, front_lock,
// kitchen_plug, bedroom_blind, desk_button, bathroom_climate, kitchen_leak) and the whole wrapped
// as {"source": ..., "devices": [...]}.
const zhc = require('zigbee-herdsman-converters');
const fs = require('fs');
const want = process.argv.slice(2);
const dir = 'node_modules/zigbee-herdsman-converters/dist/devices/';
const found = {};
for (const f of fs.readdirSync(dir).filter(f => f.endsWith('.js'))) {
  let mod; try { mod = require('./' + dir + f); } catch (e) { continue; }
  const defs = mod.definitions || mod.default || [];
  for (const d of (Array.isArray(defs) ? defs : [])) {
    if (want.includes(d.model) && !found[d.model]) found[d.model] = d;
  }
}
const out = [];
let i = 0;
for (const m of want) {
  const raw = found[m];
  if (!raw) { console.error('missing ' + m); continue; }
  const def = zhc.prepareDefinition(raw);
  let exposes = def.exposes;
  if (typeof exposes === 'function') exposes = exposes(undefined, {});
  exposes = JSON.parse(JSON.stringify(exposes));
  i++;
  out.push({ieee_address: '0x00158d00000000' + i.toString(16).padStart(2, '0'), type: def.model.startsWith('WXKG') || ['MCCGQ11LM','RTCGQ11LM','WSDCGQ11LM','SJCGQ11LM'].includes(m) ? 'EndDevice' : 'Router',
    network_address: 1000 + i, supported: true, disabled: false, friendly_name: 'REPLACE', interview_completed: true,
    definition: {model: def.model, vendor: def.vendor, description: def.description, exposes, options: [], supports_ota: !!def.ota},
    power_source: 'Mains (single phase)'});
}
console.log(JSON.stringify(out, null, 1));

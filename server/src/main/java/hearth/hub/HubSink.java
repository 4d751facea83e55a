package hearth.hub;

import hearth.device.LocalDevices.Reading;

import java.util.List;
import java.util.Map;

/** What an adapter tells its hub: the devices it found and what they report. */
interface HubSink {

    /**
     * The complete list of one protocol's devices on this hub: new ones become Hearth devices (up
     * to {@code hearth.hubs.max-devices}), known ones are kept (a user's rename stays), and the
     * protocol's devices missing from the list leave the Location and its Installations.
     *
     * @return each found device's address to its Hearth device id (those over the limit are absent)
     */
    Map<String, String> sync(String protocol, List<Discovered> devices);

    /**
     * One device found or changed, for protocols whose discovery comes device by device (Home
     * Assistant, Tasmota).
     *
     * @return its Hearth device id, or null when the hub has {@code hearth.hubs.max-devices} already
     */
    String upsert(Discovered device);

    /** The device left (an empty discovery config): it goes from the Location and its Installations. */
    void remove(String address);

    /** Topics a discovery named (a device's state topic): subscribed now if connected, and on every reconnection. */
    void subscribe(List<String> filters);

    /** What one device reported. */
    void report(String deviceId, Map<String, Reading> readings);

    /** zigbee2mqtt's bridge/state: {@code online} or {@code offline}. */
    void bridge(String state);

    /**
     * zigbee2mqtt renamed a device (its bridge/response/device/rename): the Hearth device keeps its
     * id, and takes the new name unless a person gave it one of their own.
     */
    void renamed(String address, String from, String to);

    /** Something on the broker was malformed or too much: logged once per kind with the hub id. */
    void problem(String kind, String detail);

    /**
     * A device found on the broker.
     *
     * @param address  the protocol's own id, prefixed by the protocol ({@code z2m:0x00158d...})
     * @param label    what to call it when it first appears
     * @param typeName its model as the protocol names it
     */
    record Discovered(String address, String label, String typeName, List<String> capabilities) {
    }
}

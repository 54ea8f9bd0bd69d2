/** Real members of a group (avatar and nickname) and an empty circle per seat left. No robots. */
import { Image, Text, View } from '@tarojs/components';
import type { GroupDto } from '@common/groupbuy/types';
import { assetUrl } from '../../../services/http';
import './members.scss';

export function GroupMembers({ group }: { group: GroupDto }) {
  return (
    <View className='gb-members'>
      {group.members.map((m, i) => (
        <View className='gb-member' key={i}>
          {m.avatarUrl ? <Image className='gb-member__avatar' src={assetUrl(m.avatarUrl)} /> : <View className='gb-member__avatar gb-member__avatar--blank'>{m.nickname.slice(0, 1)}</View>}
          {m.leader && <Text className='gb-member__badge'>团长</Text>}
          <Text className='gb-member__name'>{m.nickname}</Text>
        </View>
      ))}
      {Array.from({ length: group.seatsLeft }, (_, i) => (
        <View className='gb-member' key={`empty-${i}`}>
          <View className='gb-member__avatar gb-member__avatar--empty'>?</View>
          <Text className='gb-member__name'>待加入</Text>
        </View>
      ))}
    </View>
  );
}
